package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A drain that moves a room, seen from Chromium: a player's page and a spectator's page on node A
 * (the real jar) follow the room to node B without reloading ({@code e2e/drain.e2e.mjs}, which
 * sends node A its SIGTERM and waits for it to exit 0).
 */
class ClusterBrowserDrainIT {
    @Test
    void browserPagesFollowTheirRoomWhenItsNodeDrains() throws Exception {
        try (ClusterFixture cluster = new ClusterFixture(1)) {
            Process a = ClusterCrashIT.startJar(cluster, "node-drained");
            try {
                int portA = ClusterCrashIT.portOf(a).get(60, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> cluster.metricsOf(cluster.nodes.get(0))
                        .contains("skirmish_cluster_nodes 2.0"));
                String out = NodeScript.run("e2e/drain.e2e.mjs", "--url", "http://127.0.0.1:" + portA,
                        "--pid", Long.toString(a.pid()),
                        "--out", Path.of("target", "e2e", "drain").toAbsolutePath().toString());
                assertTrue(out.contains("PASS drain e2e"), out);
                assertTrue(a.waitFor(15, TimeUnit.SECONDS), "the drained node exits");
                assertEquals(0, a.exitValue(), "the drained node exits 0");
            } finally {
                a.destroyForcibly().waitFor();
            }
        }
    }
}
