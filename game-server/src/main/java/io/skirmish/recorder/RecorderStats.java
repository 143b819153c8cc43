package io.skirmish.recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What all flight recorders together cost: memory held, time spent, recordings written. Thread-safe. */
public final class RecorderStats {
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder ticks = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder broken = new LongAdder();

    void bytes(long delta) {
        bytes.addAndGet(delta);
    }

    void spent(long nanos) {
        this.nanos.add(nanos);
    }

    void tick() {
        ticks.increment();
    }

    void brokeOne() {
        broken.increment();
    }

    /** Recorders that threw and stopped (their rooms went on unrecorded). */
    public long broken() {
        return broken.sum();
    }

    void wroteOne() {
        written.increment();
    }

    /** Bytes held by every room's ring. */
    public long bytes() {
        return bytes.get();
    }

    /** Game-thread time spent recording, in seconds. */
    public double seconds() {
        return nanos.sum() / 1e9;
    }

    /** Room ticks recorded. */
    public long ticks() {
        return ticks.sum();
    }

    /** Recordings written (failures and downloads). */
    public long written() {
        return written.sum();
    }
}
