package io.skirmish.room;

import java.util.function.Supplier;

/**
 * The room's latest JSON snapshot for the operator's live view: the one the players were sent, or,
 * when only compact clients take snapshots, one made at most once a second (game thread writes, any
 * thread reads).
 */
final class LiveView {
    private volatile RawJson latest;
    private long latestTick = -1;

    RawJson latest() {
        return latest;
    }

    /** {@code json}, remembering what it made at {@code tick}. */
    Supplier<RawJson> recording(long tick, Supplier<RawJson> json) {
        return () -> {
            latestTick = tick;
            return latest = json.get();
        };
    }

    /** After the tick's fan-out: makes one when nobody took the JSON form for {@code ticks} ticks. */
    void refreshIfStale(long tick, int ticks, Supplier<RawJson> json) {
        if (latestTick < 0 || tick - latestTick >= ticks) {
            latestTick = tick;
            latest = json.get();
        }
    }
}
