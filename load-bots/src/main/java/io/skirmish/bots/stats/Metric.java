package io.skirmish.bots.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency-like measurement, in microseconds: recorded by many threads at once, read as
 * one-second intervals (for the progress line) and as a total.
 *
 * <p>{@link #roll()} and {@link #total()} must be called by one thread at a time.
 */
public final class Metric {
    private static final int DIGITS = 3;

    private final Recorder recorder = new Recorder(DIGITS);
    private final Histogram total = new Histogram(DIGITS);
    private Histogram interval = recorder.getIntervalHistogram();

    /** Thread-safe and wait-free. Negative values are recorded as 0. */
    public void recordMicros(long micros) {
        recorder.recordValue(Math.max(0, micros));
    }

    public void recordNanos(long nanos) {
        recordMicros(nanos / 1000);
    }

    /** Ends the current interval and adds it to the total. */
    public void roll() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
    }

    /** What was recorded between the last two rolls. */
    public Histogram interval() {
        return interval;
    }

    /** Everything recorded up to the last {@link #roll()}. */
    public Histogram total() {
        return total;
    }
}
