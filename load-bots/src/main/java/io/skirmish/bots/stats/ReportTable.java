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
        line(b, "Skirmish load run%s: %d bots, %d spectators, room %s, %s, %.1f s (server tickRate %s, snapshotRate %s)",
                r.shard() == null ? "" : " (shard " + r.shard() + ")", s.bots(), s.spectators(), s.room(),
                s.behaviour(), r.seconds(), r.tickRate(), r.snapshotRate());
        Report.Warmup warm = r.warmup();
        if (warm != null) {
            line(b, "");
            line(b, "warm-up (the ramp and %s after it; shown, not judged):", warm.duration());
            b.append(String.format(Locale.ROOT, ROW, "ms", "count", "mean", "p50", "p90", "p99", "p99.9", "max"));
            latency(b, "input -> ack", warm.inputAckMs());
            latency(b, "snapshot age", warm.snapshotAgeMs());
            latency(b, "snapshot interval", warm.snapshotIntervalMs());
            if (warm.errors() != null && warm.errors().total() > 0) {
                line(b, "  errors in the warm-up: %d (%s)", warm.errors().total(), warm.errors().byKind());
            }
        }
        role(b, "players (measured window, judged)", r.players());
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
        Report.ServerSide srv = r.server();
        line(b, "%s", srv == null ? "server: its /metrics was not reachable"
                : String.format(Locale.ROOT, "server (from /metrics): cpu mean %.0f%%, max %.0f%% (100%% = one core), "
                        + "heap %.0f MB, non-heap %.0f MB", srv.cpuPercent(), srv.cpuPercentMax(), srv.heapMb(),
                        srv.nonHeapMb()));
        if (r.rooms() != null && r.rooms().size() > 1) {
            line(b, "rooms: %d; the worst by snapshot age p99:", r.rooms().size());
            r.rooms().stream().limit(3).forEach(room -> line(b, "  %-10s %2d players  age p99 %s ms  input-ack p99 %s ms"
                    + "  min %.1f snapshots/s", room.room(), room.players(), ms(room.snapshotAgeMs().p99()),
                    ms(room.inputAckMs().p99()), room.minSnapshotRateHz()));
        }
        if (r.nodes() != null) {
            line(b, "cluster nodes: %d", r.nodes().size());
            r.nodes().forEach(n -> line(b, "  %-28s %3d players in %2d rooms  age p99 %s ms  input-ack p99 %s ms"
                    + "  min %.1f snapshots/s  %d moves", n.node(), n.players(), n.rooms(), ms(n.snapshotAgeMs().p99()),
                    ms(n.inputAckMs().p99()), n.minSnapshotRateHz(), n.moves()));
        }
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
