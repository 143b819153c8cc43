package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped mid-game: rounds go on at full snapshot rate, local joins work, cross-node joins and
 * quick play answer CLUSTER_UNAVAILABLE; after Redis restarts, joins work again without restarting a node.
 */
class ClusterOutageIT {
    static ClusterFixture cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ClusterFixture(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.nodes.stream()
                .allMatch(n -> cluster.metricsOf(n).contains("skirmish_cluster_nodes 2.0")));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void redisStoppedMidGame() throws Exception {
        try (ClusterClient player = new ClusterClient(cluster.port(0));
             ClusterClient host = new ClusterClient(cluster.port(0))) {
            JsonObject played = player.call("room:quickplay", "{\"name\":\"player\"}");
            assertTrue(played.get("ok").getAsBoolean(), played.toString());
            JsonObject made = host.call("room:create", "{\"name\":\"host\"}");
            String code = made.getAsJsonObject("room").get("code").getAsString();
            String join = "{\"code\":\"" + code + "\",\"name\":\"guest\"}";
            try (ClusterClient before = new ClusterClient(cluster.port(1))) {
                assertTrue(before.call("room:join", join).get("ok").getAsBoolean(), "cross-node join with Redis up");
            }

            cluster.redis.stop();
            int from = player.client.got("snapshot").size();
            // Rounds go on: 60 more snapshots (2 s at 30 Hz), one for every tick, none missing.
            await().atMost(Duration.ofSeconds(4)).until(() -> player.client.got("snapshot").size() >= from + 60);
            List<TestClient.Received> snaps = List.copyOf(player.client.got("snapshot")).subList(from, from + 60); // a copy: it grows
            for (int i = 1; i < snaps.size(); i++) {
                assertEquals(snaps.get(i - 1).body().get("tick").getAsLong() + 1, snaps.get(i).body().get("tick").getAsLong(),
                        "a snapshot for every tick");
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (ClusterClient viaB = new ClusterClient(cluster.port(1))) {
                    return "CLUSTER_UNAVAILABLE".equals(ClusterClient.code(viaB.call("room:join", join)));
                }
            });
            try (ClusterClient viaB = new ClusterClient(cluster.port(1))) {
                assertEquals("CLUSTER_UNAVAILABLE", ClusterClient.code(viaB.call("room:quickplay", "{\"name\":\"q\"}")));
            }
            try (ClusterClient local = new ClusterClient(cluster.port(0))) {
                JsonObject ok = local.call("room:join", join);
                assertTrue(ok.get("ok").getAsBoolean(), "a local join works without Redis: " + ok);
            }

            cluster.redis.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (ClusterClient viaB = new ClusterClient(cluster.port(1))) {
                    JsonObject a = viaB.call("room:join", join);
                    return a.has("ok") && a.get("ok").getAsBoolean() && viaB.moves == 1;
                }
            });
            try (ClusterClient viaB = new ClusterClient(cluster.port(1))) {
                assertTrue(viaB.call("room:quickplay", "{\"name\":\"q\"}").get("ok").getAsBoolean());
            }
            String metrics = cluster.metrics(1);
            assertTrue(metrics.contains("skirmish_cluster_redis_errors_total"), metrics);
        }
    }
}
