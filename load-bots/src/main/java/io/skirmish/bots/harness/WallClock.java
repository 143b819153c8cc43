package io.skirmish.bots.harness;

/**
 * Wall-clock milliseconds with sub-millisecond resolution, derived from {@link System#nanoTime()}
 * and one reading of {@link System#currentTimeMillis()}, so that event times taken as
 * {@code nanoTime} can be compared with the server's wall clock.
 */
final class WallClock {
    private final long anchorMillis;
    private final long anchorNanos;

    WallClock() {
        this(System.currentTimeMillis(), System.nanoTime());
    }

    WallClock(long anchorMillis, long anchorNanos) {
        this.anchorMillis = anchorMillis;
        this.anchorNanos = anchorNanos;
    }

    /** The wall-clock time, in ms, at {@code nanoTime}. */
    double millisAt(long nanoTime) {
        return anchorMillis + (nanoTime - anchorNanos) / 1e6;
    }
}
