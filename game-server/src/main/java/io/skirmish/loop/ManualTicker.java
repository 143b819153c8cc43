package io.skirmish.loop;

import java.util.concurrent.TimeUnit;

/** Time that moves only when told to; for tests (and replays). */
public final class ManualTicker implements Ticker {
    private volatile long nanos;
    private volatile long wallBase = 1_700_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long wallMillis() {
        return wallBase + TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Does not wait: manual time never passes by itself. */
    @Override
    public void parkUntil(long deadline) {
    }

    public void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
    }

    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }
}
