package io.skirmish.bots.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
    private static final Thresholds LIMITS = new Thresholds(100, 150, new SnapshotRateFloor(0.9, false), 0);
    private static final Latency NONE = Fixtures.NONE;

    private static Latency p99(double ms) {
        return Fixtures.p99(ms);
    }

    private static Report report(int joined, Latency age, Latency input, double slowestRate, Map<String, Long> errors,
                                 Latency lag) {
        Report.RoleReport players = new Report.RoleReport(50, joined, 15000, p99(50), input, age, p99(34), p99(2),
                new Report.Spread(slowestRate, 30, 30), 500, new Report.PerBotSecond(0, 0, 0, 0), 0, 0, 0);
        return Fixtures.report(players, errors, lag,
                List.of(Fixtures.bot(7, "bot-7", Role.PLAYER, "ROOM1", true, slowestRate)));
    }

    @Test
    void aCleanRunPasses() {
        Verdict v = VerdictRules.judge(report(50, p99(20), p99(60), 29.9, Map.of(), p99(1)), LIMITS);
        assertTrue(v.pass());
        assertEquals(0, v.exitCode());
        assertEquals(List.of(), v.reasons());
        assertEquals(List.of(), v.warnings());
        assertEquals(List.of(), v.breached());
    }

    @Test
    void everyMissedThresholdIsAReason() {
        Verdict v = VerdictRules.judge(report(48, p99(120), p99(200), 20, Map.of("room:join ROOM_FULL", 2L), p99(1)),
                LIMITS);
        assertFalse(v.pass());
        assertEquals(1, v.exitCode());
        assertEquals(List.of(
                "only 48 of 50 bots joined (room:join ROOM_FULL: 2)",
                "snapshot age p99 120.0 ms > 100.0 ms",
                "input-ack p99 200.0 ms > 150.0 ms",
                "bot-7 got 20.0 snapshots/s < 27.0 (90.0% of 30)",
                "2 errors > 0 allowed (room:join ROOM_FULL: 2)"), v.reasons());
        // Worst first: a player who never got in, then how far past its limit each figure was.
        assertEquals(List.of("joins", "errors", "snapshot-rate", "input-ack", "snapshot-age"), v.breached());
    }

    @Test
    void errorsOfTheWarmupAreShownNotJudged() {
        Report measured = report(50, p99(20), p99(60), 29.9, Map.of(), p99(1));
        Report.Setup setup = new Report.Setup("http://127.0.0.1:1", 50, 0, "50/s", "10s", "5s", "quick", "fight", 1,
                new Report.Limits(100, 150, "90%", 0));
        Report r = new Report(measured.startedAt(), 10, setup, 30, 30, measured.players(), null,
                new Report.Warmup("5s", NONE, NONE, NONE, Report.Errors.of(Map.of("room:quickplay TIMEOUT", 1L))),
                measured.errors(), measured.generator(), null, measured.slowestPlayers(), List.of(), List.of(),
                Map.of(), null, null, null);
        assertTrue(VerdictRules.judge(r, LIMITS).pass());
        assertTrue(ReportTable.render(r.withVerdict(VerdictRules.judge(r, LIMITS)))
                .contains("errors in the warm-up: 1 ({room:quickplay TIMEOUT=1})"));
    }

    @Test
    void anAbsoluteSnapshotFloorIsInHz() {
        Thresholds hz = new Thresholds(100, 150, new SnapshotRateFloor(19, true), 0);
        assertTrue(VerdictRules.judge(report(50, p99(20), p99(60), 20, Map.of(), p99(1)), hz).pass());
    }

    @Test
    void noAcknowledgedInputFails() {
        Verdict v = VerdictRules.judge(report(50, p99(20), NONE, 30, Map.of(), p99(1)), LIMITS);
        assertEquals(List.of("no input was acknowledged"), v.reasons());
    }

    @Test
    void lagInTheBotsThemselvesIsAWarningNotAFailure() {
        Verdict v = VerdictRules.judge(report(50, p99(20), p99(60), 30, Map.of(), p99(300)), LIMITS);
        assertTrue(v.pass());
        assertEquals(1, v.warnings().size());
    }
}
