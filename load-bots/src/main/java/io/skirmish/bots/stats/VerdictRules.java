package io.skirmish.bots.stats;

import io.skirmish.bots.config.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a report and the thresholds into PASS or FAIL with reasons. */
public final class VerdictRules {
    /** Past this the bots' own event handling delays what they measure. */
    static final double MAX_GENERATOR_LAG_MS = 50;

    private VerdictRules() {}

    public static Verdict judge(Report r, Thresholds t) {
        List<String> reasons = new ArrayList<>();
        Report.RoleReport players = r.players();
        if (players.bots() > 0) {
            judgePlayers(r, t, reasons);
        }
        Report.RoleReport specs = r.spectators();
        if (specs != null && specs.joined() < specs.bots()) {
            reasons.add("only " + specs.joined() + " of " + specs.bots() + " spectators joined");
        }
        if (r.errors().total() > t.maxErrors()) {
            reasons.add(r.errors().total() + " errors > " + t.maxErrors() + " allowed ("
                    + topKinds(r.errors().byKind()) + ")");
        }
        List<String> warnings = new ArrayList<>();
        double lag = Math.max(r.generator().eventThreadLagMs().p99(), r.generator().laneLagMs().p99());
        if (lag > MAX_GENERATOR_LAG_MS) {
            warnings.add(String.format(Locale.ROOT, "the bots' own event handling lagged (p99 %.1f ms): "
                    + "latencies include bot-side delay; run fewer bots per process", lag));
        }
        return new Verdict(reasons.isEmpty(), reasons, warnings);
    }

    private static void judgePlayers(Report r, Thresholds t, List<String> reasons) {
        Report.RoleReport p = r.players();
        if (p.joined() < p.bots()) {
            reasons.add("only " + p.joined() + " of " + p.bots() + " bots joined");
        }
        if (p.snapshots() == 0) {
            reasons.add("no snapshots received");
            return;
        }
        if (p.snapshotAgeMs().p99() > t.maxP99AgeMs()) {
            reasons.add(fmt("snapshot age p99 %.1f ms > %.1f ms", p.snapshotAgeMs().p99(), t.maxP99AgeMs()));
        }
        if (p.inputAckMs().count() == 0) {
            reasons.add("no input was acknowledged");
        } else if (p.inputAckMs().p99() > t.maxP99InputMs()) {
            reasons.add(fmt("input-ack p99 %.1f ms > %.1f ms", p.inputAckMs().p99(), t.maxP99InputMs()));
        }
        if (r.snapshotRate() != null && !r.slowestPlayers().isEmpty()) {
            double floor = t.minSnapshotRate().floorHz(r.snapshotRate());
            BotSummary slowest = r.slowestPlayers().get(0);
            if (slowest.snapshotRateHz() < floor) {
                reasons.add(fmt("%s got %.1f snapshots/s < %.1f (%s of %d)", slowest.name(), slowest.snapshotRateHz(),
                        floor, t.minSnapshotRate(), r.snapshotRate()));
            }
        }
    }

    private static String topKinds(Map<String, Long> byKind) {
        return byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
