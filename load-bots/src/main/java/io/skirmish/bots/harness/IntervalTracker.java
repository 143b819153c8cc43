package io.skirmish.bots.harness;

/** The time between consecutive snapshots of one bot. Confined to the bot's lane. */
final class IntervalTracker {
    private long last = Long.MIN_VALUE;

    /** The time since the previous snapshot, or -1 for the first one since {@link #reset()}. */
    long next(long nanos) {
        long previous = last;
        last = nanos;
        return previous == Long.MIN_VALUE ? -1 : nanos - previous;
    }

    /** After a gap that is not the server's pacing (a reconnect), start over. */
    void reset() {
        last = Long.MIN_VALUE;
    }
}
