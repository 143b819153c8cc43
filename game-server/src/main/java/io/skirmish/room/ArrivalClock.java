package io.skirmish.room;

import io.skirmish.loop.Ticker;

/**
 * When an input arriving now arrived, in (fractional) ticks of its room, for lag compensation (see
 * {@code io.skirmish.game.InputDecoder}). The game thread marks each tick it runs; network threads
 * read the mark.
 */
final class ArrivalClock {
    private record TickMark(long tick, long nanos) {}

    private final Ticker ticker;
    private final int tickRate;
    /** The last tick run and when it began. */
    private volatile TickMark last = new TickMark(-1, 0);

    ArrivalClock(Ticker ticker, int tickRate) {
        this.ticker = ticker;
        this.tickRate = tickRate;
    }

    /** Game thread: tick {@code tick} began at {@code nanos} ({@link Ticker#nanoTime()}). */
    void ran(long tick, long nanos) {
        last = new TickMark(tick, nanos);
    }

    /**
     * Network threads: the last tick run plus the fraction of a tick period since it began, at most
     * the next tick (the first that could apply the input). Lag compensation bounds the sender's
     * latency up to there; what the input then waits in the room's queue is the server's.
     */
    double arrivalTick() {
        TickMark m = last;
        if (m.tick < 0) return 0;
        double since = (ticker.nanoTime() - m.nanos) * (double) tickRate / 1e9;
        return m.tick + Math.max(0, Math.min(1, since));
    }
}
