package io.skirmish.bots.config;

/**
 * What a run must achieve to pass. Each applies to the players (spectators see deliberately delayed
 * snapshots and are reported apart).
 *
 * @param maxP99AgeMs highest allowed p99 snapshot age
 * @param maxP99InputMs highest allowed p99 input-to-acknowledgement time
 * @param minSnapshotRate lowest snapshot rate any single player may see
 * @param maxErrors highest allowed number of errors of every kind together
 */
public record Thresholds(double maxP99AgeMs, double maxP99InputMs, SnapshotRateFloor minSnapshotRate, long maxErrors) {
    public Thresholds {
        if (!(maxP99AgeMs > 0) || !(maxP99InputMs > 0) || maxErrors < 0) {
            throw new IllegalArgumentException("latency thresholds must be positive and --max-errors not negative");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(100, 150, new SnapshotRateFloor(0.9, false), 0);
    }
}
