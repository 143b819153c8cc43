package io.skirmish.recorder;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How much each room's flight recorder keeps, and where recordings of failed rooms are written.
 *
 * @param window how far back a recording reaches (at least; up to one checkpoint interval more)
 * @param maxBytesPerRoom a room's ring never holds more than about this (compressed) once it has a checkpoint to start from
 * @param checkpointEvery how often a game that can save its state is checkpointed
 * @param dir where recordings of failed rooms are written (null: kept in memory only)
 */
public record RecorderConfig(Duration window, long maxBytesPerRoom, Duration checkpointEvery, Path dir) {
    public RecorderConfig {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        if (checkpointEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("checkpoints at most once a second");
        }
        if (maxBytesPerRoom < 4096) throw new IllegalArgumentException("maxBytesPerRoom below 4 KiB");
    }

    public static RecorderConfig defaults() {
        return new RecorderConfig(Duration.ofMinutes(5), 8L << 20, Duration.ofSeconds(30), Path.of("recordings"));
    }

    public RecorderConfig withWindow(Duration d) {
        return new RecorderConfig(d, maxBytesPerRoom, checkpointEvery, dir);
    }

    public RecorderConfig withCheckpointEvery(Duration d) {
        return new RecorderConfig(window, maxBytesPerRoom, d, dir);
    }

    public RecorderConfig withMaxBytesPerRoom(long b) {
        return new RecorderConfig(window, b, checkpointEvery, dir);
    }

    public RecorderConfig withDir(Path d) {
        return new RecorderConfig(window, maxBytesPerRoom, checkpointEvery, d);
    }
}
