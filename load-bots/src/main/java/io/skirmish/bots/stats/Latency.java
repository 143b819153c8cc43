package io.skirmish.bots.stats;

import org.HdrHistogram.Histogram;

/** A summary of a {@link Metric} in milliseconds; all zero when nothing was recorded. */
public record Latency(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        return new Latency(micros.getTotalCount(), ms(micros.getMean()), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
