package io.skirmish.bots.stats;

import java.util.List;
import java.util.Map;

/** Reports made by hand, for tests of what reads them. */
final class Fixtures {
    static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

    private Fixtures() {}

    static Latency p99(double ms) {
        return new Latency(1000, ms / 2, ms / 2, ms, ms, ms, ms);
    }

    static BotSummary bot(int index, String name, Role role, String room, boolean joined, double rate) {
        return new BotSummary(index, name, role, room, joined, (long) (rate * 10), 10, joined ? 10 : 0, rate,
                10_000, 1_000, 300, 300, 1, 2, 0);
    }

    static Report.Generator generator(Latency lag) {
        return new Report.Generator(50, 2, 100, 50, 100, lag, NONE, 1.0);
    }

    /** A judged-later report with the given players, errors and generator lag. */
    static Report report(Report.RoleReport players, Map<String, Long> errors, Latency lag, List<BotSummary> slowest) {
        long total = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Report("now", 10, null, 30, 30, players, null, null, new Report.Errors(total, errors),
                generator(lag), null, slowest, List.of(), List.of(), Map.of(), null, null, null);
    }
}
