package io.skirmish.bots;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.harness.RunResult;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportTable;
import io.skirmish.cluster.ClusterConfig;
import io.skirmish.server.BuiltInGames;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import io.skirmish.testkit.RedisProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bots against a cluster of three in-process nodes on one real {@code redis-server}, all given the
 * URL of node A only: quick play sends them on ({@code MOVED}) to rooms on every node, they follow
 * without an error, and the report breaks the players down per node.
 */
class LoadBotsClusterIT {
    private static final int BOTS = 48; // six full rooms of 8

    @Test
    void botsGivenOneNodeFollowMovedAndSpreadOverTheCluster() throws Exception {
        List<SkirmishServer> nodes = new ArrayList<>();
        try (RedisProcess redis = RedisProcess.started()) {
            try {
                for (String id : List.of("a", "b", "c")) {
                    ClusterConfig cluster = ClusterConfig.of(redis.uri(), null, "node-" + id)
                            .withTimes(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));
                    nodes.add(SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                            .withGameThreads(1), BuiltInGames.catalog(), cluster));
                }
                awaitClusterOf(3, nodes);
                URI nodeA = URI.create("http://127.0.0.1:" + nodes.get(0).port());
                LoadConfig config = LoadConfig.defaults(nodeA)
                        .withBots(BOTS)
                        .withRamp(new Ramp.Rate(12))
                        .withDuration(Duration.ofSeconds(6))
                        .withWarmup(Duration.ofSeconds(3));

                RunResult result = LoadRun.run(config, line -> System.out.println(line));
                Report report = result.report();
                System.out.print(ReportTable.render(report));

                assertEquals(BOTS, report.players().joined(), "every bot joined");
                assertEquals(0, report.errors().total(), () -> "errors: " + report.errors().byKind());
                Set<String> urls = nodes.stream().map(n -> "http://127.0.0.1:" + n.port()).collect(Collectors.toSet());
                List<Report.NodeReport> perNode = report.nodes();
                assertNotNull(perNode, "a report per node");
                assertEquals(urls, perNode.stream().map(Report.NodeReport::node).collect(Collectors.toSet()),
                        "players on every node of the cluster");
                assertEquals(BOTS, perNode.stream().mapToInt(Report.NodeReport::players).sum());
                // Quick play fills the fullest room of the cluster. Two bots racing for a room's last seat on two
                // nodes give it once, and the loser may open a new room, so a few rooms more than the six full
                // ones can appear; scattered bots (a room each per node, as without a directory) cannot.
                int rooms = perNode.stream().mapToInt(Report.NodeReport::rooms).sum();
                assertTrue(rooms <= BOTS / 8 + 2, "rooms of 8 filled, not scattered: " + rooms + " rooms");
                long moved = result.bots().stream().filter(b -> b.moves() > 0).count();
                assertTrue(moved >= 8, "the bots on B and C got there by MOVED: " + moved);
                for (BotSummary bot : result.bots()) {
                    assertTrue(bot.snapshotRateHz() > 0, bot.name() + " got snapshots on " + bot.node());
                }
                perNode.forEach(n -> assertTrue(n.snapshotAgeMs().count() > 0, "snapshot ages measured on " + n.node()));
            } finally {
                nodes.forEach(SkirmishServer::close);
            }
        }
    }

    /** Waits (bounded) until every node's {@code /metrics} counts {@code n} nodes in the directory. */
    private static void awaitClusterOf(int n, List<SkirmishServer> nodes) {
        HttpClient http = HttpClient.newHttpClient();
        for (SkirmishServer s : nodes) {
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/metrics")).build();
            await().atMost(Duration.ofSeconds(20)).until(() -> http.send(metrics, HttpResponse.BodyHandlers.ofString())
                    .body().contains("skirmish_cluster_nodes " + n + ".0"));
        }
    }
}
