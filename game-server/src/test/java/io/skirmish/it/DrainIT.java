package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SIGTERM on the real jar: readiness drops, clients are told, the process drains and exits 0 quietly. */
class DrainIT {
    static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermDrainsAndExitsZeroWithoutNoise() throws Exception {
        Path jar = Path.of("target", "game-server.jar");
        assertTrue(jar.toFile().isFile(), "run after package: " + jar);
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--drain-timeout", "3").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try (TestClient c = TestClient.connect(port.get(30, TimeUnit.SECONDS))) {
            int serverPort = port.get();
            JsonObject joined = c.call("room:quickplay", "{\"name\":\"Leaver\"}");
            assertTrue(joined.get("ok").getAsBoolean());
            HttpClient http = HttpClient.newHttpClient();
            URI readyz = URI.create("http://127.0.0.1:" + serverPort + "/readyz");
            assertEquals(200, http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());

            // SIGTERM by kill: Process.destroy() would also close our end of the child's output.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
            await().atMost(5, TimeUnit.SECONDS).until(() -> c.last("server:shutdown") != null);
            assertEquals("shutdown", c.last("server:shutdown").get("reason").getAsString());
            assertEquals(3000, c.last("server:shutdown").get("drainMs").getAsLong());
            HttpResponse<String> during = http.send(HttpRequest.newBuilder(readyz).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, during.statusCode(), "not ready while draining");
            JsonObject refused = c.call("room:quickplay", "{\"name\":\"Late\"}");
            assertEquals("SERVER_DRAINING", refused.getAsJsonObject("error").get("code").getAsString());

            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "exited within the drain timeout and a margin");
            assertEquals(0, p.exitValue(), String.join("\n", lines));
            await().atMost(5, TimeUnit.SECONDS).until(() -> !c.socket.connected());
        } finally {
            p.destroyForcibly();
        }
        reader.join(5_000);
        String log = String.join("\n", lines);
        assertFalse(log.contains("Exception"), "no exception noise:\n" + log);
        assertFalse(log.contains(" ERROR "), "no errors:\n" + log);
        assertTrue(log.contains("draining"), log);
        assertTrue(log.contains("stopped"), log);
    }
}
