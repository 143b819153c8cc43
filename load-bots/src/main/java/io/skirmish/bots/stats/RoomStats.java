package io.skirmish.bots.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The players' latencies room by room, for the report's per-room breakdown. Thread-safe for recording. */
public final class RoomStats {
    /** One room's players. */
    public record Room(Metric snapshotAge, Metric inputAck) {
        List<Metric> metrics() {
            return List.of(snapshotAge, inputAck);
        }
    }

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    /** The metrics of room {@code key} (its code or id), made on first use. */
    public Room of(String key) {
        return rooms.computeIfAbsent(key, k -> new Room(new Metric(), new Metric()));
    }

    /** Rolls every room's metrics; one thread at a time, like {@link Metric#roll(boolean)}. */
    public void roll(boolean measured) {
        rooms.values().forEach(r -> r.metrics().forEach(m -> m.roll(measured)));
    }

    /** Every room, by key. */
    public Map<String, Room> all() {
        return new TreeMap<>(rooms);
    }
}
