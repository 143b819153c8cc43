package io.skirmish.bots.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency-like measurement, in microseconds: recorded by many threads at once, read as
 * one-second intervals (for the progress line and the timeline) and as two totals: the warm-up's
 * and the measured window's.
 *
 * <p>{@link #roll(boolean)} and the readers must be called by one thread at a time.
 */
public final class Metric {
    static final int DIGITS = 3;

    private final Recorder recorder = new Recorder(DIGITS);
    private final Histogram total = new Histogram(DIGITS);
    private final Histogram warmup = new Histogram(DIGITS);
    private Histogram interval = recorder.getIntervalHistogram();

    /** Thread-safe and wait-free. Negative values are recorded as 0. */
    public void recordMicros(long micros) {
        recorder.recordValue(Math.max(0, micros));
    }

    public void recordNanos(long nanos) {
        recordMicros(nanos / 1000);
    }

    /**
     * Ends the current interval and adds it to the measured total, or to the warm-up's.
     *
     * @param measured whether the interval belongs to the measured window (after the warm-up)
     */
    public void roll(boolean measured) {
        interval = recorder.getIntervalHistogram(interval);
        (measured ? total : warmup).add(interval);
    }

    /** What was recorded between the last two rolls. */
    public Histogram interval() {
        return interval;
    }

    /** Everything recorded in the measured window, up to the last roll. */
    public Histogram total() {
        return total;
    }

    /** Everything recorded during the warm-up (the ramp included). */
    public Histogram warmup() {
        return warmup;
    }
}
