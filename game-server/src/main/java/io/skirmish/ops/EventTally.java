package io.skirmish.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many of one event went out and how many bytes they took, counted on the hot path: once per
 * delivered snapshot, from both game threads and the I/O threads. A shared counter (Micrometer's,
 * a {@code DoubleAdder}) costs two compare-and-sets on shared cells per snapshot; profiled at 2,000
 * clients that was 14% of the game threads' samples. Here each thread counts into cells of its own,
 * with plain ordered writes (it is their only writer), and a reader (the metrics scrape) sums them.
 * A thread's cells outlive it, so no count is lost when a thread ends.
 */
final class EventTally {
    /**
     * The two counts sit in the middle of 16 longs, so that two threads' cells never share a cache line,
     * however the collector places the arrays (it copies them side by side when they survive).
     */
    private static final int CELLS = 16;
    private static final int EVENTS = 7;
    private static final int BYTES = 8;

    private final List<AtomicLongArray> cells = new CopyOnWriteArrayList<>();
    private final ThreadLocal<AtomicLongArray> mine = ThreadLocal.withInitial(() -> {
        AtomicLongArray a = new AtomicLongArray(CELLS);
        cells.add(a);
        return a;
    });

    /** One event of {@code bytes} went out; any thread. */
    void add(int bytes) {
        AtomicLongArray a = mine.get();
        a.lazySet(EVENTS, a.get(EVENTS) + 1);
        a.lazySet(BYTES, a.get(BYTES) + bytes);
    }

    long events() {
        return sum(EVENTS);
    }

    long bytes() {
        return sum(BYTES);
    }

    private long sum(int slot) {
        long total = 0;
        for (AtomicLongArray a : cells) {
            total += a.get(slot);
        }
        return total;
    }
}
