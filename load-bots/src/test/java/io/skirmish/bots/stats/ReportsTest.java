package io.skirmish.bots.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static BotSummary player(int i, boolean joined, double rate) {
        return Fixtures.bot(i, "bot-" + i, Role.PLAYER, joined ? "ROOM" + (i % 2) : null, joined, rate);
    }

    @Test
    void aggregatesTheBotsAndTheirMetrics() {
        RoleStats players = new RoleStats();
        players.snapshotAge.recordMicros(50_000); // in the warm-up
        players.snapshots.add(900);
        players.inputAck.recordMicros(900_000); // in the warm-up: shown apart, not in the judged figures
        players.metrics().forEach(m -> m.roll(false));
        players.snapshotAge.recordMicros(2_000);
        players.snapshotAge.recordMicros(4_000);
        players.inputAck.recordMicros(60_000);
        players.metrics().forEach(m -> m.roll(true));
        RoomStats rooms = new RoomStats();
        rooms.of("ROOM0").snapshotAge().recordMicros(9_000);
        rooms.of("ROOM1").snapshotAge().recordMicros(1_000);
        rooms.roll(true);
        ErrorTally errors = new ErrorTally();
        errors.count("disconnect: transport close");
        List<BotSummary> bots = List.of(player(0, true, 30), player(1, true, 29), player(2, false, 0));

        Report r = Reports.build(LoadConfig.defaults(URI.create("http://127.0.0.1:1")).withBots(3),
                new Reports.Measured("t0", 10.004, new Reports.Advertised(30, 30), players, new RoleStats(), rooms,
                        errors, bots, Fixtures.generator(Fixtures.NONE), new Metric(), new Metric(), null, List.of(), Map.of()));

        Report.RoleReport p = r.players();
        assertEquals(3, p.bots());
        assertEquals(2, p.joined());
        assertEquals(900, p.snapshots());
        assertEquals(2, p.snapshotAgeMs().count());
        assertEquals(3.0, p.snapshotAgeMs().mean(), 0.01);
        assertEquals(1, p.inputAckMs().count());
        assertEquals(60, p.inputAckMs().max(), 0.1);
        assertEquals(1, r.warmup().snapshotAgeMs().count());
        assertEquals(900, r.warmup().inputAckMs().max(), 1);
        assertEquals(List.of("ROOM0", "ROOM1"), r.rooms().stream().map(Report.RoomReport::room).toList());
        assertEquals(1, r.rooms().get(0).players()); // bot-0; bot-2 never joined
        assertEquals(2, Histograms.decode(r.histograms().get("players.snapshotAge")).getTotalCount());
        assertEquals(30, p.botSeconds(), 1e-9);
        assertEquals(new Report.Spread(29, 29.5, 30), p.snapshotRateHz());
        assertEquals(1000, p.perBotSecond().bytesIn(), 1e-9); // 30 kB over 30 bot-seconds
        assertEquals(3, p.reconnects());
        assertEquals(6, p.disconnects());
        assertEquals(List.of("bot-1", "bot-0"), r.slowestPlayers().stream().map(BotSummary::name).toList());
        assertEquals(1, r.errors().total());
        assertEquals(10.0, r.seconds());
        assertNull(r.spectators());
        assertEquals("quick", r.setup().room());
        String table = ReportTable.render(r);
        assertTrue(table.contains("players (measured window, judged): 2/3 joined"), table);
        assertTrue(table.contains("warm-up (the ramp and 5s after it; shown, not judged)"), table);
    }
}
