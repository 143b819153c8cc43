package io.skirmish.bots.stats;

import java.util.Locale;
import java.util.Map;

/** The final table printed after a run: the report for a person. */
public final class ReportTable {
    private static final String ROW = "  %-20s %9s %9s %9s %9s %9s %9s %9s%n";

    private ReportTable() {}

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        Report.Setup s = r.setup();
        line(b, "Skirmish load run: %d bots, %d spectators, room %s, %s, %.1f s (server tickRate %s, snapshotRate %s)",
                s.bots(), s.spectators(), s.room(), s.behaviour(), r.seconds(), r.tickRate(), r.snapshotRate());
        role(b, "players", r.players());
        if (r.spectators() != null) {
            role(b, "spectators (snapshots delayed by the server on purpose)", r.spectators());
        }
        line(b, "errors: %d", r.errors().total());
        for (Map.Entry<String, Long> e : r.errors().byKind().entrySet()) {
            line(b, "  %-50s %d", e.getKey(), e.getValue());
        }
        Report.Generator g = r.generator();
        line(b, "bots' process: cpu %.0f%% (100%% = one core), peak RSS %.0f MB, peak heap %.0f MB, peak threads %d",
                g.cpuPercent(), g.peakRssMb(), g.peakHeapMb(), g.peakThreads());
        line(b, "  event-thread lag p99 %.1f ms (max %.1f), lane lag p99 %.1f ms (max %.1f)",
                g.eventThreadLagMs().p99(), g.eventThreadLagMs().max(), g.laneLagMs().p99(), g.laneLagMs().max());
        Verdict v = r.verdict();
        if (v != null) {
            line(b, "VERDICT: %s", v.pass() ? "PASS" : "FAIL");
            v.reasons().forEach(reason -> line(b, "  - %s", reason));
            v.warnings().forEach(w -> line(b, "  warning: %s", w));
        }
        return b.toString();
    }

    private static void role(StringBuilder b, String title, Report.RoleReport p) {
        line(b, "");
        line(b, "%s: %d/%d joined, %d snapshots, %d reconnects, %d disconnects, %d kicks",
                title, p.joined(), p.bots(), p.snapshots(), p.reconnects(), p.disconnects(), p.kicks());
        b.append(String.format(Locale.ROOT, ROW, "ms", "count", "mean", "p50", "p90", "p99", "p99.9", "max"));
        latency(b, "connect+join", p.connectJoinMs());
        latency(b, "input -> ack", p.inputAckMs());
        latency(b, "snapshot age", p.snapshotAgeMs());
        latency(b, "snapshot interval", p.snapshotIntervalMs());
        latency(b, "snapshot jitter", p.snapshotJitterMs());
        Report.Spread rate = p.snapshotRateHz();
        line(b, "  snapshots/s per bot: min %.1f, mean %.1f, max %.1f", rate.min(), rate.mean(), rate.max());
        Report.PerBotSecond t = p.perBotSecond();
        line(b, "  per bot per second: in %.0f B (%.1f kbps) in %.1f messages, out %.0f B (%.1f kbps) in %.1f messages",
                t.bytesIn(), t.kbpsIn(), t.messagesIn(), t.bytesOut(), t.kbpsOut(), t.messagesOut());
        line(b, "");
    }

    private static void latency(StringBuilder b, String name, Latency l) {
        if (l.count() == 0) {
            b.append(String.format(Locale.ROOT, ROW, name, "0", "-", "-", "-", "-", "-", "-"));
            return;
        }
        b.append(String.format(Locale.ROOT, ROW, name, l.count(), ms(l.mean()), ms(l.p50()), ms(l.p90()),
                ms(l.p99()), ms(l.p999()), ms(l.max())));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%.2f" : "%.0f", v);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
