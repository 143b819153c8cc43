package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** A node killed with -9 (the real jar): the directory forgets its rooms within the expiry. */
class ClusterCrashIT {
    @Test
    void crashedNodesRoomsLeaveTheDirectory() throws Exception {
        try (ClusterFixture cluster = new ClusterFixture(1)) {
            Process p = startJar(cluster, "node-crash");
            try {
                int port = portOf(p).get(30, TimeUnit.SECONDS);
                // the node claims its first join codes with its first heartbeat
                await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metricsOf(cluster.nodes.get(0))
                        .contains("skirmish_cluster_nodes 2.0"));
                try (ClusterClient host = new ClusterClient(port); ClusterClient player = new ClusterClient(port)) {
                    String roomId = player.call("room:quickplay", "{\"name\":\"p\"}").getAsJsonObject("room").get("id")
                            .getAsString();
                    assertEquals(0, player.moves, "both nodes empty: quick play stays on the node asked");
                    JsonObject made = host.call("room:create", "{\"name\":\"host\"}");
                    assertTrue(made.get("ok").getAsBoolean(), made.toString());
                    String code = made.getAsJsonObject("room").get("code").getAsString();
                    String join = "{\"code\":\"" + code + "\",\"name\":\"guest\"}";
                    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.apiRooms(0).toString().contains(roomId));
                    try (ClusterClient viaA = new ClusterClient(cluster.port(0))) {
                        assertEquals("MOVED", ClusterClient.code(viaA.client.call("room:join", join)));
                    }

                    assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor());
                    p.waitFor(10, TimeUnit.SECONDS);
                    // the jar's entries expire 5 s after its last heartbeat
                    await().atMost(Duration.ofSeconds(8)).until(() -> !cluster.apiRooms(0).toString().contains(roomId));
                    try (ClusterClient viaA = new ClusterClient(cluster.port(0))) {
                        assertEquals("ROOM_NOT_FOUND", ClusterClient.code(viaA.call("room:join", join)));
                    }
                    // quick play no longer sends anyone to the dead node
                    try (ClusterClient q = new ClusterClient(cluster.port(0))) {
                        JsonObject a = q.call("room:quickplay", "{\"name\":\"q\"}");
                        assertTrue(a.get("ok").getAsBoolean());
                        assertEquals(0, q.moves);
                    }
                }
            } finally {
                p.destroyForcibly().waitFor();
            }
        }
    }

    static Process startJar(ClusterFixture cluster, String nodeId) throws Exception {
        Path jar = Path.of("target", "game-server.jar");
        assertTrue(jar.toFile().isFile(), "run after package: " + jar);
        return new ProcessBuilder("java", "-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--redis", cluster.redis.uri(), "--node-id", nodeId, "--game-threads", "1")
                .redirectErrorStream(true).start();
    }

    /** Reads the process's output (all of it, so it never blocks; kept in target/cluster-node-PID.log) and completes with its port. */
    static CompletableFuture<Integer> portOf(Process p) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Path log = Path.of("target", "cluster-node-" + p.pid() + ".log");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 java.io.Writer w = java.nio.file.Files.newBufferedWriter(log)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.write(line + "\n");
                    w.flush();
                    Matcher m = DrainIT.LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return port;
    }
}
