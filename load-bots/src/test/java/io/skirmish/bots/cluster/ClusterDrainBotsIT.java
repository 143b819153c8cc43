package io.skirmish.bots.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.capacity.RoomHost;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.stats.Report;
import io.skirmish.cluster.ClusterConfig;
import io.skirmish.room.Room;
import io.skirmish.room.RoomObserver;
import io.skirmish.server.BuiltInGames;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import io.skirmish.testkit.RedisProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Load bots in a cluster of two real nodes on one real Redis (issue 13): they follow their room when
 * its node drains and moves it ({@code server:shutdown {moveTo}}, then {@code room:rejoin {seatToken,
 * reservation}} there), with the same player ids, without an error and without the player noticing.
 * ({@code LoadBotsClusterIT} covers joins answered {@code MOVED}.)
 */
class ClusterDrainBotsIT {
    private static final int BOTS = 5;

    private static SkirmishServer node(RedisProcess redis, String id) {
        ServerConfig cfg = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withGameThreads(1);
        return SkirmishServer.start(cfg, BuiltInGames.catalog(), ClusterConfig.of(redis.uri(), null, id)
                .withTimes(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    private static LoadConfig bots(SkirmishServer entry, String code, Duration duration) {
        return LoadConfig.defaults(URI.create("http://127.0.0.1:" + entry.port()))
                .withRoom(new RoomTarget.Code(code))
                .withBots(BOTS)
                .withRamp(new Ramp.Rate(50))
                .withDuration(duration).withWarmup(Duration.ofSeconds(1))
                // Latencies out of reach: what is judged here is that everyone got in, played, and met no error.
                .withThresholds(new Thresholds(5_000, 5_000, new SnapshotRateFloor(0.1, false), 0));
    }

    /** The player ids whose inputs {@code node}'s rooms applied. */
    private static Set<Integer> inputsFrom(SkirmishServer node) {
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        node.rooms().observe(new RoomObserver() {
            @Override
            public void inputs(Room room, long tick, Map<Integer, List<Object>> applied) {
                applied.forEach((id, in) -> {
                    if (!in.isEmpty()) ids.add(id);
                });
            }
        });
        return ids;
    }

    @Test
    void botsFollowTheirRoomWhenItsNodeDrains() throws Exception {
        try (RedisProcess redis = RedisProcess.started();
             SkirmishServer a = node(redis, "node-a");
             SkirmishServer b = node(redis, "node-b")) {
            Set<Integer> playedOnA = inputsFrom(a); // before any room: a room keeps the observer it was made with
            Set<Integer> playedOnB = inputsFrom(b);
            awaitCluster(a, b);
            RoomHost host = RoomHost.create("http://127.0.0.1:" + a.port(), 8);
            CompletableFuture<Report> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return LoadRun.run(bots(a, host.code(), Duration.ofSeconds(8)), System.out::println).report();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitTrue(() -> playedOnA.size() >= BOTS, "the bots play on A");

            CompletableFuture<Void> drained = CompletableFuture.runAsync(a::drainAndClose);
            awaitTrue(() -> playedOnB.size() >= BOTS, "the bots play on B after A's drain moved their room");
            Report r = run.get(60, TimeUnit.SECONDS);
            drained.get(30, TimeUnit.SECONDS);

            assertEquals(BOTS, r.players().joined(), () -> "errors: " + r.errors().byKind());
            assertEquals(0, r.errors().total(), () -> "no drop, no refusal: " + r.errors().byKind());
            assertEquals(playedOnA, playedOnB, "the same players (ids) on B as on A");
            host.close();
        }
    }

    /** Waits until both nodes see the cluster of two (their Redis links are up). */
    private static void awaitCluster(SkirmishServer... nodes) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        awaitTrue(() -> java.util.Arrays.stream(nodes).allMatch(n -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("skirmish_cluster_nodes " + nodes.length + ".0");
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }), "both nodes see the cluster");
    }

    /** Waits for a condition of the servers, polling, up to 20 s. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
