package io.skirmish.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.harness.RunResult;
import io.skirmish.bots.processes.Processes;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportTable;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bots against the real server, in-process on a free loopback port. */
class LoadBotsIT {
    /**
     * The verdict's latency limits in ticks of the server, not in fixed milliseconds: a loaded
     * 2-core CI machine stretches every wall-clock figure, and what the test proves is that the
     * judged window (after the warm-up) is clean, not how fast this machine is.
     */
    private static Thresholds relative(int tickRate) {
        double tickMs = 1000.0 / tickRate;
        return new Thresholds(10 * tickMs, 15 * tickMs, new SnapshotRateFloor(0.9, false), 0);
    }

    @Test
    void fiftyBotsPassTheVerdictAfterTheWarmup() throws Exception {
        try (SkirmishServer server = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            LoadConfig config = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withBots(50)
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(9))
                    .withWarmup(Duration.ofSeconds(4))
                    .withThresholds(relative(30));

            RunResult result = LoadRun.run(config, line -> System.out.println(line));
            Report report = result.report();
            System.out.print(ReportTable.render(report));

            assertTrue(report.verdict().pass(), () -> "verdict after the warm-up: " + report.verdict().reasons());
            assertEquals(0, report.errors().total(), () -> "errors: " + report.errors().byKind());
            assertEquals(50, report.players().joined(), "every bot joined");
            int tickRate = report.tickRate();
            for (BotSummary bot : result.bots()) {
                assertTrue(bot.joined(), bot.name() + " joined");
                assertTrue(bot.snapshotRateHz() >= 0.9 * tickRate,
                        () -> bot.name() + " got " + bot.snapshotRateHz() + " snapshots/s, tick rate " + tickRate);
            }
            assertTrue(report.players().inputAckMs().count() > 0, "inputs were acknowledged");
            assertTrue(report.players().snapshotAgeMs().count() > 0, "snapshot ages were measured");
            // The warm-up is measured too, and shown apart.
            assertTrue(report.warmup().snapshotAgeMs().count() > 0, "the warm-up's snapshot ages are reported");
            assertTrue(report.timeline().stream().anyMatch(Report.TimePoint::warmup));
            assertTrue(report.timeline().stream().anyMatch(p -> !p.warmup()));
            assertNotNull(report.server(), "the server's /metrics was read");
            assertEquals(7, report.rooms().size(), "50 quick-play bots in rooms of 8");
            assertEquals(50, report.rooms().stream().mapToInt(Report.RoomReport::players).sum());
        }
    }

    @Test
    void twoProcessesMergeIntoOneReport() throws Exception {
        try (SkirmishServer server = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            LoadConfig config = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withBots(12)
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(5))
                    .withWarmup(Duration.ofSeconds(2))
                    .withThresholds(relative(30));

            Report report = Processes.run(config, 2, System.out::println);
            System.out.print(ReportTable.render(report));

            assertEquals(12, report.setup().bots());
            assertEquals(12, report.players().joined(), () -> "errors: " + report.errors().byKind());
            assertEquals(2, report.generator().cores() / Runtime.getRuntime().availableProcessors());
            assertTrue(report.players().snapshotAgeMs().count() > 0);
            // Judged as a whole (two cold child JVMs on a loaded machine: its latencies are not asserted here).
            assertNotNull(report.verdict());
            assertEquals(12, report.timeline().stream().mapToInt(Report.TimePoint::players).max().orElse(0),
                    "the merged timeline adds both shards' players up");
        }
    }
}
