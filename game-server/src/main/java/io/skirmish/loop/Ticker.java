package io.skirmish.loop;

/**
 * The source of time for rooms and loops, injected so that tests can drive time by hand
 * ({@link ManualTicker}) and never sleep.
 */
public interface Ticker {
    /** Monotonic nanoseconds, for deadlines and durations. */
    long nanoTime();

    /** Wall-clock milliseconds, only for what clients see ({@code time}, {@code phaseEndsAt}). */
    long wallMillis();

    /** Waits until {@link #nanoTime()} reaches {@code deadline} or the thread is interrupted. */
    void parkUntil(long deadline);

    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}
