package io.skirmish.bots.stats;

import io.skirmish.bots.config.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a report and the thresholds into PASS or FAIL with reasons. */
public final class VerdictRules {
    /** Past this the bots' own event handling delays what they measure. */
    public static final double MAX_GENERATOR_LAG_MS = 50;

    /** Threshold names, as {@link Verdict#breached()} and a capacity's {@code limitedBy} give them. */
    public static final String JOINS = "joins";
    public static final String ERRORS = "errors";
    public static final String SNAPSHOT_RATE = "snapshot-rate";
    public static final String SNAPSHOT_AGE = "snapshot-age";
    public static final String INPUT_ACK = "input-ack";

    private VerdictRules() {}

    /** A missed threshold: its name, the reason for a person, and how far past it the run was (measured / limit). */
    private record Miss(String name, String reason, double ratio) {}

    public static Verdict judge(Report r, Thresholds t) {
        List<Miss> misses = new ArrayList<>();
        Report.RoleReport players = r.players();
        if (players.bots() > 0) {
            judgePlayers(r, t, misses);
        }
        Report.RoleReport specs = r.spectators();
        if (specs != null && specs.joined() < specs.bots()) {
            misses.add(new Miss(JOINS, "only " + specs.joined() + " of " + specs.bots() + " spectators joined",
                    ratio(specs.bots(), Math.max(1, specs.joined()))));
        }
        if (r.errors().total() > t.maxErrors()) {
            misses.add(new Miss(ERRORS, r.errors().total() + " errors > " + t.maxErrors() + " allowed ("
                    + topKinds(r.errors().byKind()) + ")", ratio(r.errors().total(), Math.max(1, t.maxErrors()))));
        }
        List<String> warnings = new ArrayList<>();
        double lag = generatorLagMs(r);
        if (lag > MAX_GENERATOR_LAG_MS) {
            warnings.add(String.format(Locale.ROOT, "the bots' own event handling lagged (p99 %.1f ms): "
                    + "latencies include bot-side delay; run fewer bots per process (--processes N)", lag));
        }
        List<String> breached = misses.stream()
                .sorted(Comparator.comparingDouble(Miss::ratio).reversed())
                .map(Miss::name).distinct().toList();
        Report.Generator g = r.generator();
        if (g.machineOverloaded()) {
            warnings.add(String.format(Locale.ROOT, "this machine was overloaded (load average %.1f on %d cores): "
                    + "every process waited for a core, so the figures measure the machine as much as the server",
                    g.loadAverage(), g.cores()));
        }
        return new Verdict(misses.isEmpty(), misses.stream().map(Miss::reason).toList(), breached, warnings);
    }

    /** The worse of the bots' two lags' p99, in ms. */
    public static double generatorLagMs(Report r) {
        return Math.max(r.generator().eventThreadLagMs().p99(), r.generator().laneLagMs().p99());
    }

    private static void judgePlayers(Report r, Thresholds t, List<Miss> misses) {
        Report.RoleReport p = r.players();
        if (p.joined() < p.bots()) {
            misses.add(new Miss(JOINS, "only " + p.joined() + " of " + p.bots() + " bots joined" + why(r),
                    Double.MAX_VALUE)); // a player who never got in is the worst there is
        }
        if (p.snapshots() == 0) {
            misses.add(new Miss(SNAPSHOT_RATE, "no snapshots received", Double.MAX_VALUE));
            return;
        }
        if (p.snapshotAgeMs().p99() > t.maxP99AgeMs()) {
            misses.add(new Miss(SNAPSHOT_AGE, fmt("snapshot age p99 %.1f ms > %.1f ms", p.snapshotAgeMs().p99(),
                    t.maxP99AgeMs()), p.snapshotAgeMs().p99() / t.maxP99AgeMs()));
        }
        if (p.inputAckMs().count() == 0) {
            misses.add(new Miss(INPUT_ACK, "no input was acknowledged", Double.MAX_VALUE));
        } else if (p.inputAckMs().p99() > t.maxP99InputMs()) {
            misses.add(new Miss(INPUT_ACK, fmt("input-ack p99 %.1f ms > %.1f ms", p.inputAckMs().p99(),
                    t.maxP99InputMs()), p.inputAckMs().p99() / t.maxP99InputMs()));
        }
        if (r.snapshotRate() != null && !r.slowestPlayers().isEmpty()) {
            double floor = t.minSnapshotRate().floorHz(r.snapshotRate());
            BotSummary slowest = r.slowestPlayers().get(0);
            if (slowest.snapshotRateHz() < floor) {
                misses.add(new Miss(SNAPSHOT_RATE, fmt("%s got %.1f snapshots/s < %.1f (%s of %d)", slowest.name(),
                        slowest.snapshotRateHz(), floor, t.minSnapshotRate(), r.snapshotRate()),
                        floor / Math.max(0.01, slowest.snapshotRateHz())));
            }
        }
    }

    /** The commonest errors of the whole run, warm-up included: why bots did not get in. */
    private static String why(Report r) {
        Map<String, Long> all = new java.util.TreeMap<>(r.errors().byKind());
        if (r.warmup() != null && r.warmup().errors() != null) {
            r.warmup().errors().byKind().forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        return all.isEmpty() ? "" : " (" + topKinds(all) + ")";
    }

    private static double ratio(double measured, double limit) {
        return measured / limit;
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
