package io.skirmish.net;

import io.skirmish.room.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the live rooms a client creates ({@code room:create}), per connection and per address: an
 * empty room lives for its grace period after its creator left, so without a bound one connection
 * could keep hundreds alive. A room counts from the moment its creation is admitted until it is
 * closed; closed rooms are forgotten when next looked at. Thread-safe (creations are rare: one lock).
 */
final class RoomQuota {
    private final int perConnection;
    private final int perAddress;
    private final NetMetrics metrics;
    /** Rooms (or null while being created) by creating connection and by address. */
    private final Map<Object, List<Slot>> byConnection = new HashMap<>();
    private final Map<String, List<Slot>> byAddress = new HashMap<>();

    RoomQuota(int perConnection, int perAddress, NetMetrics metrics) {
        this.perConnection = perConnection;
        this.perAddress = perAddress;
        this.metrics = metrics;
    }

    /** One admitted creation: bound to its room once created, or given back when creation failed. */
    static final class Slot {
        private volatile Room room;
        private volatile boolean released;

        boolean live() {
            Room r = room;
            return !released && (r == null || !r.isClosed());
        }
    }

    /** Admits a creation, or returns null (counted) when a cap is reached; {@code reason} gets which one. */
    synchronized Slot admit(Object connection, String address, String[] reason) {
        List<Slot> mine = prune(byConnection, connection);
        List<Slot> theirs = prune(byAddress, address);
        if (mine.size() >= perConnection) {
            metrics.limitHit("rooms_per_connection");
            reason[0] = "you already have " + mine.size() + " live rooms; leave one and wait for it to close";
            return null;
        }
        if (theirs.size() >= perAddress) {
            metrics.limitHit("rooms_per_address");
            reason[0] = "too many live rooms from your address";
            return null;
        }
        Slot s = new Slot();
        byConnection.computeIfAbsent(connection, k -> new ArrayList<>()).add(s);
        byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(s);
        return s;
    }

    void created(Slot s, Room room) {
        s.room = room;
    }

    void failed(Slot s) {
        s.released = true;
    }

    /** The connection is gone: its rooms still count for its address until they close. */
    synchronized void forget(Object connection) {
        byConnection.remove(connection);
        if (byAddress.size() > 4_096) {
            byAddress.keySet().removeIf(a -> prune(byAddress, a).isEmpty());
        }
    }

    synchronized int live() {
        return byAddress.values().stream().mapToInt(l -> (int) l.stream().filter(Slot::live).count()).sum();
    }

    private static <K> List<Slot> prune(Map<K, List<Slot>> map, K key) {
        List<Slot> l = map.get(key);
        if (l == null) {
            return List.of();
        }
        l.removeIf(s -> !s.live());
        if (l.isEmpty()) {
            map.remove(key);
            return List.of();
        }
        return l;
    }
}
