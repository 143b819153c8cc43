package io.skirmish.bots.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.stats.Latency;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search's arithmetic against steps whose outcome is known: the real-server search is CapacitySearchIT. */
class CapacitySearchTest {
    private static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

    /** A judged step: fails past {@code knee} players, on input-ack, with the bots' own lag given. */
    private static Report step(int players, int knee, double botsLagMs) {
        return step(players, knee, botsLagMs, 1.0);
    }

    private static Report step(int players, int knee, double botsLagMs, double load) {
        double input = players <= knee ? 90 : 200;
        Latency in = new Latency(1000, input, input, input, input, input, input);
        Report.RoleReport p = new Report.RoleReport(players, players, 1000, NONE, in, NONE, NONE, NONE,
                new Report.Spread(30, 30, 30), 10, new Report.PerBotSecond(0, 0, 0, 0), 0, 0, 0);
        Latency lag = new Latency(1000, botsLagMs, botsLagMs, botsLagMs, botsLagMs, botsLagMs, botsLagMs);
        boolean pass = players <= knee;
        return new Report("t", 10, null, 30, 30, p, null, null, new Report.Errors(0, Map.of()),
                new Report.Generator(80, 2, 300, 100, 100, lag, NONE, load), new Report.ServerSide(players, players, 100,
                40, players), List.of(), List.of(), List.of(), Map.of(), null, null,
                new Verdict(pass, pass ? List.of() : List.of("input-ack p99 200.0 ms > 150.0 ms"),
                        pass ? List.of() : List.of("input-ack"), List.of()));
    }

    @Test
    void findsTheKneeWithinThePrecision() throws Exception {
        for (int knee : new int[] {7, 37, 99, 100, 101, 640}) {
            List<Integer> tried = new ArrayList<>();
            CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 2000, 2, 5, false),
                    n -> {
                        tried.add(n);
                        return step(n, knee, 2);
                    }, line -> { });
            Report.Capacity c = o.capacity();
            assertTrue(c.players() <= knee && knee - c.players() <= 5, knee + " -> " + c.players() + " " + tried);
            assertEquals("input-ack", c.limitedBy());
            assertTrue(c.reason().contains("input-ack p99"), c.reason());
            assertEquals(tried.size(), c.steps().size());
            assertTrue(tried.size() <= 16, "bounded: " + tried); // doubling to 1280, then 8 halvings of 640
            if (c.players() > 0) {
                assertEquals(c.players(), o.report().players().bots(), "the report is the step at capacity");
            }
        }
    }

    @Test
    void theStepsCarryTheServersCpuAndMemory() throws Exception {
        CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 100, 2, 0, false),
                n -> step(n, 30, 2), line -> { });
        for (Report.Step s : o.capacity().steps()) {
            assertEquals(s.players(), s.serverCpuPercent(), 1e-9);
            assertEquals(100, s.serverHeapMb(), 1e-9);
        }
    }

    @Test
    void botsThatCannotKeepUpAreBlamedNotTheServer() throws Exception {
        CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 2000, 2, 5, false),
                n -> step(n, 50, n > 50 ? 300 : 2), line -> { });
        assertEquals("bots", o.capacity().limitedBy());
        assertTrue(o.capacity().reason().contains("--processes"), o.capacity().reason());
    }

    @Test
    void anOverloadedMachineIsBlamedWhenTheBotsWaitedForACore() throws Exception {
        CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 2000, 2, 5, false),
                n -> step(n, 50, n > 50 ? 300 : 2, 40), line -> { });
        assertEquals("machine", o.capacity().limitedBy());
        assertTrue(o.capacity().reason().contains("load average 40.0 on 2 cores"), o.capacity().reason());
    }

    @Test
    void aCeilingThatPassesSaysSo() throws Exception {
        CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 60, 2, 5, true),
                n -> step(n, 1000, 2), line -> { });
        assertEquals(60, o.capacity().players());
        assertEquals("max-players", o.capacity().limitedBy());
        assertEquals(List.of(10, 20, 40, 60), o.capacity().steps().stream().map(Report.Step::players).toList());
    }

    @Test
    void theWarmupRunIsNotAStep() throws Exception {
        List<Integer> tried = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(10, 40, 2, 5, true), n -> {
            tried.add(n);
            return step(n, tried.size() == 1 ? 0 : 1000, 2); // the cold first run fails
        }, lines::add);
        assertEquals(List.of(10, 10, 20, 40), tried);
        assertEquals(40, o.capacity().players());
        assertTrue(lines.get(0).startsWith("== warm-up run, 10 players, not judged: age p99"), lines.get(0));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch.Settings(0, 10, 2, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch.Settings(10, 5, 2, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch.Settings(1, 5, 1, 0, true));
    }
}
