package io.skirmish.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The directory's entries as read from Redis. */
final class DirectoryEntries {
    private DirectoryEntries() {}

    /** A node: where clients reach it, and its load at its last heartbeat. */
    record NodeEntry(String id, String url, int players, int rooms, boolean accepting) {}

    /**
     * A room as the cluster sees it.
     *
     * @param code join code, "" for public rooms
     * @param taken seats taken or reserved on its node, as last published
     * @param pending live reservations handed to clients on their way to it
     */
    record RoomEntry(String id, String node, String code, String phase, int taken, int pending, int capacity,
                     boolean isPublic, boolean locked, String map) {
        int free() {
            return capacity - taken - pending;
        }

        /** The game the room runs ({@code map} holds "game/map"). */
        String game() {
            int slash = map.indexOf('/');
            return slash < 0 ? "" : map.substring(0, slash);
        }
    }

    static Map<String, String> hash(List<?> flat) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            m.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return m;
    }

    static NodeEntry node(Map<String, String> h) {
        return new NodeEntry(h.get("id"), h.get("url"), num(h, "players"), num(h, "rooms"),
                "1".equals(h.get("accepting")));
    }

    static RoomEntry room(Map<String, String> h) {
        return new RoomEntry(h.get("id"), h.get("node"), h.getOrDefault("code", ""), h.getOrDefault("phase", ""),
                num(h, "taken"), num(h, "pending"), num(h, "capacity"), "1".equals(h.get("public")),
                "1".equals(h.get("locked")), h.getOrDefault("map", ""));
    }

    private static int num(Map<String, String> h, String key) {
        try {
            return Integer.parseInt(h.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
