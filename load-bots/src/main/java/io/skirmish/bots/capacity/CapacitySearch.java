package io.skirmish.bots.capacity;

import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.VerdictRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds how many players a server takes while every threshold holds: grows the player count
 * step by step ({@code start}, then times {@code growth}) until a step fails, then bisects between
 * the last passing and the first failing count until they are at most {@code precision} apart.
 * Each step is a whole run with its own warm-up ({@link StepRunner}), judged like any run. When
 * the failing step's bots themselves were the bottleneck (their event lag, or their CPU near the
 * cores they have) on latencies or rates alone, it says so: {@code limitedBy = bots} (or {@code machine} when
 * the whole machine was overloaded), not the server.
 */
public final class CapacitySearch {
    /** Past this share of its cores the bots' process is taken as saturated. */
    static final double BOTS_CPU_SATURATED = 0.9;

    /** Runs one step: {@code players} bots, judged. */
    @FunctionalInterface
    public interface StepRunner {
        Report run(int players) throws InterruptedException, java.io.IOException;
    }

    /**
     * @param start the first step's players
     * @param maxPlayers the search's ceiling: passing it ends the search ({@code limitedBy = max-players})
     * @param growth the factor between steps until one fails (> 1)
     * @param precision how close the answer must be to the first failing count, in players; 0: a tenth of it
     * @param warmupRun whether a first, unjudged run of {@code start} players warms both JVMs up, so that the
     *     first step does not meet a cold server (a cold JIT alone can fail it)
     */
    public record Settings(int start, int maxPlayers, double growth, int precision, boolean warmupRun) {
        public Settings {
            if (start < 1 || maxPlayers < start || !(growth > 1) || precision < 0) {
                throw new IllegalArgumentException(
                        "capacity search: need 1 <= start <= max players, growth > 1, precision >= 0");
            }
        }
    }

    /**
     * The answer, and the report of the step it rests on (the highest passing one, else the first).
     */
    public record Outcome(Report.Capacity capacity, Report report) {}

    private CapacitySearch() {}

    public static Outcome search(Settings s, StepRunner runner, Consumer<String> out)
            throws InterruptedException, java.io.IOException {
        List<Report.Step> steps = new ArrayList<>();
        Report best = null;
        Report firstReport = null;
        int pass = 0;
        Report.Step fail = null;
        int n = s.start();
        if (s.warmupRun()) {
            Report warm = runner.run(n);
            out.accept("== warm-up run, " + n + " players, not judged: " + describe(step(n, warm)).replaceFirst(
                    "^== step \\d+ players: (PASS|FAIL) \\| ", ""));
        }
        while (true) {
            Report r = runner.run(n);
            firstReport = firstReport == null ? r : firstReport;
            Report.Step step = step(n, r);
            steps.add(step);
            out.accept(describe(step));
            if (step.pass()) {
                pass = n;
                best = r;
                if (n >= s.maxPlayers()) {
                    break;
                }
                n = Math.min(s.maxPlayers(), Math.max(n + 1, (int) Math.round(n * s.growth())));
            } else {
                fail = step;
                break;
            }
        }
        if (fail != null) {
            int precision = s.precision() > 0 ? s.precision() : Math.max(1, Math.round(fail.players() / 10f));
            while (fail.players() - pass > precision) {
                int mid = (pass + fail.players()) / 2;
                Report r = runner.run(mid);
                Report.Step step = step(mid, r);
                steps.add(step);
                out.accept(describe(step));
                if (step.pass()) {
                    pass = mid;
                    best = r;
                } else {
                    fail = step;
                }
            }
        }
        steps.sort(Comparator.comparingInt(Report.Step::players));
        Report.Capacity capacity = fail == null
                ? new Report.Capacity(pass, "max-players", "every step passed, up to the search's ceiling of "
                        + s.maxPlayers() + " players (--max-players)", steps)
                : new Report.Capacity(pass, limitedBy(fail), reason(fail), steps);
        return new Outcome(capacity, best != null ? best : firstReport);
    }

    /** One step's figures from its judged report. */
    static Report.Step step(int players, Report r) {
        double lag = VerdictRules.generatorLagMs(r);
        Report.Generator g = r.generator();
        boolean botsLimited = lag > VerdictRules.MAX_GENERATOR_LAG_MS
                || (g.cores() > 0 && g.cpuPercent() >= BOTS_CPU_SATURATED * 100 * g.cores());
        Report.RoleReport p = r.players();
        return new Report.Step(players, r.verdict().pass(), r.verdict().reasons(), r.verdict().breached(),
                p.snapshotAgeMs().p99(), p.inputAckMs().p99(), p.snapshotIntervalMs().p99(), p.snapshotRateHz().min(),
                g.cpuPercent(), lag, botsLimited, r.server() == null ? null : r.server().cpuPercent(),
                r.server() == null ? null : r.server().heapMb(), r.errors().total(), g.loadAverage(), g.cores());
    }

    /** Latencies and rates are what a lagging generator distorts; refused joins and errors it does not make up. */
    private static final java.util.Set<String> TIMING = java.util.Set.of(VerdictRules.SNAPSHOT_AGE,
            VerdictRules.INPUT_ACK, VerdictRules.SNAPSHOT_RATE);

    private static String limitedBy(Report.Step fail) {
        boolean timingOnly = TIMING.containsAll(fail.breached());
        if (timingOnly && fail.botsLimited() && fail.machineLoad() > 2.0 * Math.max(1, fail.cores())) {
            return "machine";
        }
        if (timingOnly && fail.botsLimited()) {
            return "bots";
        }
        return fail.breached().isEmpty() ? "unknown" : fail.breached().get(0);
    }

    private static String reason(Report.Step fail) {
        String at = "at " + fail.players() + " players: " + String.join("; ", fail.reasons());
        if ("machine".equals(limitedBy(fail))) {
            return String.format(Locale.ROOT, "this machine was overloaded %s (load average %.1f on %d cores; the bots' "
                    + "lag p99 %.1f ms at %.0f%% cpu: they waited for a core): measure on a quieter machine, or run "
                    + "the bots elsewhere", at, fail.machineLoad(), fail.cores(), fail.botsLagP99Ms(),
                    fail.botsCpuPercent());
        }
        if ("bots".equals(limitedBy(fail))) {
            return String.format(Locale.ROOT, "the bots' own process was the bottleneck %s (its lag p99 %.1f ms, cpu %.0f%%)"
                    + "; the server may take more: run the bots in more processes (--processes N) or on other "
                    + "machines", at, fail.botsLagP99Ms(), fail.botsCpuPercent());
        }
        return at;
    }

    /** The step's line for the terminal. */
    static String describe(Report.Step s) {
        return String.format(Locale.ROOT, "== step %d players: %s | age p99 %.1f ms | input-ack p99 %.1f ms | "
                        + "min %.1f snapshots/s | errors %d | server cpu %s, heap %s | bots cpu %.0f%%, lag p99 %.1f ms%s%s",
                s.players(), s.pass() ? "PASS" : "FAIL", s.snapshotAgeP99Ms(), s.inputAckP99Ms(), s.minSnapshotRateHz(),
                s.errors(), s.serverCpuPercent() == null ? "n/a" : Math.round(s.serverCpuPercent()) + "%",
                s.serverHeapMb() == null ? "n/a" : Math.round(s.serverHeapMb()) + " MB", s.botsCpuPercent(),
                s.botsLagP99Ms(), s.botsLimited() ? " (bots saturated)" : "",
                s.pass() ? "" : "\n   " + String.join("\n   ", s.reasons()));
    }
}
