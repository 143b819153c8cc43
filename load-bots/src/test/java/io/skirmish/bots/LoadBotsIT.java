package io.skirmish.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.harness.RunResult;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportTable;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 50 bots for about 10 s against the real server, in-process on a free loopback port. */
class LoadBotsIT {

    @Test
    void fiftyBotsPlayCleanly() throws Exception {
        try (SkirmishServer server = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            LoadConfig config = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withBots(50)
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(9));

            RunResult result = LoadRun.run(config, line -> System.out.println(line));
            Report report = result.report();
            System.out.print(ReportTable.render(report));

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
        }
    }
}
