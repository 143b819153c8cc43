package io.skirmish.bots.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static BotSummary player(int i, boolean joined, double rate) {
        return new BotSummary(i, "bot-" + i, Role.PLAYER, joined, (long) (rate * 10), 10, joined ? 10 : 0, rate,
                10_000, 1_000, 300, 300, 1, 2, 0);
    }

    @Test
    void aggregatesTheBotsAndTheirMetrics() {
        RoleStats players = new RoleStats();
        players.snapshotAge.recordMicros(2_000);
        players.snapshotAge.recordMicros(4_000);
        players.snapshots.add(900);
        players.metrics().forEach(Metric::roll);
        ErrorTally errors = new ErrorTally();
        errors.count("disconnect: transport close");
        List<BotSummary> bots = List.of(player(0, true, 30), player(1, true, 29), player(2, false, 0));

        Report r = Reports.build(LoadConfig.defaults(URI.create("http://127.0.0.1:1")).withBots(3), "t0", 10.004,
                new Reports.Advertised(30, 30), players, new RoleStats(), errors, bots,
                new Report.Generator(10, 100, 50, 40, Latency.of(new Metric().total()), Latency.of(new Metric().total())));

        Report.RoleReport p = r.players();
        assertEquals(3, p.bots());
        assertEquals(2, p.joined());
        assertEquals(900, p.snapshots());
        assertEquals(2, p.snapshotAgeMs().count());
        assertEquals(3.0, p.snapshotAgeMs().mean(), 0.01);
        assertEquals(new Report.Spread(29, 29.5, 30), p.snapshotRateHz());
        assertEquals(1000, p.perBotSecond().bytesIn(), 1e-9); // 30 kB over 30 bot-seconds
        assertEquals(3, p.reconnects());
        assertEquals(6, p.disconnects());
        assertEquals(List.of("bot-1", "bot-0"), r.slowestPlayers().stream().map(BotSummary::name).toList());
        assertEquals(1, r.errors().total());
        assertEquals(10.0, r.seconds());
        assertNull(r.spectators());
        assertEquals("quick", r.setup().room());
        assertTrue(ReportTable.render(r).contains("players: 2/3 joined"));
    }
}
