package io.skirmish.bots.harness;

import io.skirmish.bots.server.PrometheusText;
import io.skirmish.bots.server.ServerProbe;
import io.skirmish.bots.stats.Histograms;
import io.skirmish.bots.stats.Metric;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Once a second: rolls every metric (see {@link Metric}) into the warm-up's or the measured
 * window's totals, adds a point to the timeline, and prints the live line (connected bots,
 * snapshots per second, the last second's snapshot age and input-ack percentiles). It is the only
 * one to roll while the run lasts, and it starts the measured window on its own one-second grid,
 * so that no second is split between the two. Runs on the timers thread.
 */
final class Progress {
    private final BotContext ctx;
    private final SelfMonitor monitor;
    private final ServerProbe server;
    private final List<Bot> bots;
    private final Consumer<String> out;
    private final long startNanos = System.nanoTime();
    private final long startEpochMs = System.currentTimeMillis();
    private final List<Report.TimePoint> timeline = new ArrayList<>();
    private final CountDownLatch measuringStarted = new CountDownLatch(1);
    private volatile long rampEndNanos = Long.MAX_VALUE;
    private volatile long warmupNanos;
    private long settledNanos;
    private long lastSnapshots;
    private long lastNanos = startNanos;

    Progress(BotContext ctx, SelfMonitor monitor, ServerProbe server, List<Bot> bots, Consumer<String> out) {
        this.ctx = ctx;
        this.monitor = monitor;
        this.server = server;
        this.bots = bots;
        this.out = out;
    }

    /**
     * The measured window starts at the first tick {@code warmupNanos} after every bot has got in
     * (or given up), but no earlier than {@code rampEndNanos} plus the warm-up, and no later than
     * {@link #SETTLE_LIMIT_NANOS} after the ramp plus the warm-up. Joins that are slow (a loaded
     * machine, a server that refuses) then do not eat the measured window.
     */
    void measureAfter(long rampEndNanos, long warmupNanos) {
        this.rampEndNanos = rampEndNanos;
        this.warmupNanos = warmupNanos;
    }

    /** Waits until the measured window has begun; true if it has within {@code nanos}. */
    boolean awaitMeasuring(long nanos) throws InterruptedException {
        return measuringStarted.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Past this, the bots still joining are not waited for. */
    static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    void tick() {
        long now = System.nanoTime();
        Report.TimePoint p = point(now);
        timeline.add(p);
        if (!ctx.measuring) {
            if (settledNanos == 0 && now >= rampEndNanos && bots.stream().allMatch(Bot::settled)) {
                settledNanos = Math.max(now, rampEndNanos);
            }
            long from = settledNanos != 0 ? settledNanos : rampEndNanos + SETTLE_LIMIT_NANOS;
            if (rampEndNanos != Long.MAX_VALUE && now >= from + warmupNanos - 500_000_000L) {
                startMeasuring();
            }
        }
        out.accept(String.format(Locale.ROOT,
                "%4ds %s players %d/%d, spectators %d/%d | %,.0f snapshots/s | age p50 %s p99 %s | input-ack p50 %s"
                        + " p99 %s | errors %d | cpu %.0f%%, lag p99 %s%s",
                Math.round(p.t()), p.warmup() ? "warm-up " : "", p.players(), ctx.config.bots(), p.spectators(),
                ctx.config.spectators(), p.snapshotsPerSecond(), ms(p.snapshotAgeMs(), false),
                ms(p.snapshotAgeMs(), true), ms(p.inputAckMs(), false), ms(p.inputAckMs(), true), p.errors(),
                p.botsCpuPercent(), lag(), p.serverCpuPercent() == null ? ""
                        : String.format(Locale.ROOT, " | server cpu %.0f%%", p.serverCpuPercent())));
    }

    /** From now on, what is recorded counts. */
    void startMeasuring() {
        ctx.warmupErrors = ctx.errors.byKind();
        ctx.measuringSinceNanos = System.nanoTime();
        ctx.measuring = true;
        server.measuring();
        measuringStarted.countDown();
    }

    /** Rolls every metric once more, so that the totals hold everything up to now. */
    void finish() {
        timeline.add(point(System.nanoTime()));
    }

    List<Report.TimePoint> timeline() {
        return List.copyOf(timeline);
    }

    private Report.TimePoint point(long now) {
        boolean measured = ctx.measuring;
        ctx.players.metrics().forEach(m -> m.roll(measured));
        ctx.spectators.metrics().forEach(m -> m.roll(measured));
        ctx.rooms.roll(measured);
        monitor.eventThreadLag.roll(measured);
        monitor.laneLag.roll(measured);
        Histogram age = ctx.players.snapshotAge.interval();
        Histogram input = ctx.players.inputAck.interval();
        Histogram interval = ctx.players.snapshotInterval.interval();
        long snapshots = ctx.players.snapshots.sum() + ctx.spectators.snapshots.sum();
        double rate = (snapshots - lastSnapshots) / Math.max(1e-3, (now - lastNanos) / 1e9);
        lastSnapshots = snapshots;
        lastNanos = now;
        PrometheusText.ServerFigures srv = server.latest();
        double t = (now - startNanos) / 1e9;
        return new Report.TimePoint(Math.round(t * 100) / 100.0, startEpochMs + Math.round(t * 1000), !measured,
                (int) playing(Role.PLAYER), (int) playing(Role.SPECTATOR), Math.round(rate), ctx.errors.total(),
                pcts(age), pcts(input), pcts(interval), Math.round(monitor.sample()),
                srv == null ? null : srv.cpuPercent(), srv == null ? null : srv.heapMb(),
                Map.of("snapshotAge", Histograms.encode(age), "inputAck", Histograms.encode(input),
                        "snapshotInterval", Histograms.encode(interval)));
    }

    private String lag() {
        Histogram eventLag = monitor.eventThreadLag.interval();
        Histogram laneLag = monitor.laneLag.interval();
        Histogram worse = eventLag.getMaxValue() > laneLag.getMaxValue() ? eventLag : laneLag;
        return worse.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1fms", worse.getValueAtPercentile(99) / 1000.0);
    }

    private long playing(Role role) {
        return bots.stream().filter(b -> b.role() == role && b.playing()).count();
    }

    /** Percentiles of one second, ms; null when nothing was recorded. */
    static Report.Pcts pcts(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return null;
        }
        return new Report.Pcts(micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    private static String ms(Report.Pcts p, boolean p99) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.1fms", p99 ? p.p99() : p.p50());
    }
}
