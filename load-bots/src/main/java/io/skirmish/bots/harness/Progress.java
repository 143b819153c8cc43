package io.skirmish.bots.harness;

import io.skirmish.bots.stats.Metric;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.RoleStats;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The live one-line display, once a second: connected bots, snapshots per second, and the last
 * second's snapshot age and input-ack percentiles. It rolls every metric (see {@link Metric}), so
 * it is the only one to do so while the run lasts. Runs on the timers thread.
 */
final class Progress {
    private final BotContext ctx;
    private final SelfMonitor monitor;
    private final List<Bot> bots;
    private final Consumer<String> out;
    private final long startNanos = System.nanoTime();
    private long lastSnapshots;
    private long lastNanos = startNanos;

    Progress(BotContext ctx, SelfMonitor monitor, List<Bot> bots, Consumer<String> out) {
        this.ctx = ctx;
        this.monitor = monitor;
        this.bots = bots;
        this.out = out;
    }

    void tick() {
        roll();
        Histogram age = ctx.players.snapshotAge.interval();
        Histogram input = ctx.players.inputAck.interval();
        Histogram eventLag = monitor.eventThreadLag.interval();
        Histogram laneLag = monitor.laneLag.interval();
        long now = System.nanoTime();
        long snapshots = ctx.players.snapshots.sum() + ctx.spectators.snapshots.sum();
        double rate = (snapshots - lastSnapshots) / ((now - lastNanos) / 1e9);
        lastSnapshots = snapshots;
        lastNanos = now;
        out.accept(String.format(Locale.ROOT,
                "%4ds players %d/%d, spectators %d/%d | %,.0f snapshots/s | age p50 %s p99 %s | input-ack p50 %s p99 %s"
                        + " | errors %d | cpu %.0f%%, lag p99 %s",
                Math.round((now - startNanos) / 1e9), playing(Role.PLAYER), ctx.config.bots(),
                playing(Role.SPECTATOR), ctx.config.spectators(), rate, ms(age, 50), ms(age, 99), ms(input, 50),
                ms(input, 99), ctx.errors.total(), monitor.sample(),
                ms(eventLag.getMaxValue() > laneLag.getMaxValue() ? eventLag : laneLag, 99)));
    }

    /** Rolls every metric once more, so that the totals hold everything up to now. */
    void finish() {
        roll();
    }

    private void roll() {
        ctx.players.metrics().forEach(Metric::roll);
        ctx.spectators.metrics().forEach(Metric::roll);
        monitor.eventThreadLag.roll();
        monitor.laneLag.roll();
    }

    private long playing(Role role) {
        return bots.stream().filter(b -> b.role() == role && b.playing()).count();
    }

    private static String ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1fms", micros.getValueAtPercentile(percentile) / 1000.0);
    }
}
