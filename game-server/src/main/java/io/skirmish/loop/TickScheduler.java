package io.skirmish.loop;

import java.util.function.LongConsumer;

/**
 * When ticks happen: tick {@code n} is due at {@code start + n * period} (absolute deadlines, so
 * small delays do not accumulate into drift). When late, due ticks run back to back, at most
 * {@code maxCatchUp} at a time; when further behind than that, the schedule is reset to now and the
 * missed ticks are skipped (and counted) instead of bursting.
 *
 * <p>Not thread-safe: owned by one loop thread, or driven by a test with a {@link ManualTicker}.
 */
public final class TickScheduler {
    private final Ticker ticker;
    private final long periodNanos;
    private final int maxCatchUp;
    private long start;
    private long next;
    private long skipped;

    public TickScheduler(Ticker ticker, long periodNanos, int maxCatchUp) {
        if (periodNanos <= 0 || maxCatchUp < 1) {
            throw new IllegalArgumentException("period and catch-up must be positive");
        }
        this.ticker = ticker;
        this.periodNanos = periodNanos;
        this.maxCatchUp = maxCatchUp;
        this.start = ticker.nanoTime();
    }

    /** Runs every tick that is due now (at most the catch-up cap); returns how many ran. */
    public int runDue(LongConsumer tick) {
        int ran = 0;
        while (ran < maxCatchUp && ticker.nanoTime() >= deadline(next)) {
            tick.accept(next++);
            ran++;
        }
        long now = ticker.nanoTime();
        if (now >= deadline(next)) {
            // Still behind after the cap: skip the backlog instead of bursting it later.
            long behind = (now - deadline(next)) / periodNanos + 1;
            skipped += behind;
            start = now - next * periodNanos + periodNanos;
        }
        return ran;
    }

    /** The deadline of the next tick, in {@link Ticker#nanoTime()} terms. */
    public long nextDeadline() {
        return deadline(next);
    }

    /** Ticks dropped because the loop was too far behind. */
    public long skipped() {
        return skipped;
    }

    private long deadline(long n) {
        return start + n * periodNanos;
    }
}
