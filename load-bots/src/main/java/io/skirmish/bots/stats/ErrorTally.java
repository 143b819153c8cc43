package io.skirmish.bots.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts everything that went wrong, by kind ({@code "room:join ROOM_FULL"},
 * {@code "disconnect: transport close"}, ...). Thread-safe.
 */
public final class ErrorTally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts by kind now, minus those of {@code earlier} (an earlier {@link #byKind()}); zeros left out. */
    public Map<String, Long> since(Map<String, Long> earlier) {
        Map<String, Long> out = new TreeMap<>();
        byKind().forEach((k, v) -> {
            long n = v - earlier.getOrDefault(k, 0L);
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** The counts by kind, sorted by kind. */
    public Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
