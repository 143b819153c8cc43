package io.skirmish.room;

import io.skirmish.loop.Ticker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts failures (wrong codes, wrong passwords) per key in a fixed window; past the limit the key
 * is blocked until its window ends. Thread-safe; old windows are purged as keys are touched.
 */
public final class AttemptLimiter {
    private final Ticker ticker;
    private final int limit;
    private final long windowNanos;
    private final ConcurrentHashMap<Object, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int failures) {}

    public AttemptLimiter(Ticker ticker, int limit, long window, TimeUnit unit) {
        this.ticker = ticker;
        this.limit = limit;
        this.windowNanos = unit.toNanos(window);
    }

    public boolean blocked(Object key) {
        Window w = windows.get(key);
        return w != null && ticker.nanoTime() - w.start < windowNanos && w.failures >= limit;
    }

    public void fail(Object key) {
        long now = ticker.nanoTime();
        windows.compute(key, (k, w) -> w == null || now - w.start >= windowNanos
                ? new Window(now, 1) : new Window(w.start, w.failures + 1));
        // Keys may be connections: purge ended windows early so closed connections are not held for long.
        if (windows.size() > 1_000) {
            windows.values().removeIf(w -> now - w.start >= windowNanos);
        }
    }
}
