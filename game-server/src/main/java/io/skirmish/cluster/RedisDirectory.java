package io.skirmish.cluster;

import io.lettuce.core.ScriptOutputType;
import io.skirmish.cluster.DirectoryEntries.NodeEntry;
import io.skirmish.cluster.DirectoryEntries.RoomEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster's directory of nodes and rooms in Redis: every operation is one atomic Lua script
 * ({@link Scripts}) and returns a future; nothing here waits.
 */
final class RedisDirectory {
    /** What a reservation attempt gave. */
    enum Reserve { OK, FULL, GONE }

    /** A used reservation: the room it was for ({@code null} for a new room on the node) and its kind. */
    record Consumed(String roomId, String kind) {}

    private final RedisLink redis;
    private final ClusterConfig cfg;

    RedisDirectory(RedisLink redis, ClusterConfig cfg) {
        this.redis = redis;
        this.cfg = cfg;
    }

    private String ttl() {
        return Long.toString(cfg.ttl().toMillis());
    }

    CompletableFuture<Void> heartbeat(String url, int players, int rooms, boolean accepting) {
        return redis.<Long>eval(Scripts.HEARTBEAT, ScriptOutputType.INTEGER, cfg.nodeId(), url,
                Integer.toString(players), Integer.toString(rooms), accepting ? "1" : "0", ttl()).thenApply(x -> null);
    }

    CompletableFuture<Void> leave() {
        return redis.<Long>eval(Scripts.LEAVE, ScriptOutputType.INTEGER, cfg.nodeId()).thenApply(x -> null);
    }

    CompletableFuture<List<NodeEntry>> nodes() {
        return redis.<List<Object>>eval(Scripts.NODES, ScriptOutputType.MULTI).thenApply(rows -> {
            List<NodeEntry> out = new ArrayList<>();
            for (Object row : rows) out.add(DirectoryEntries.node(DirectoryEntries.hash((List<?>) row)));
            return out;
        });
    }

    /** Writes a room's entry; false when its code turned out to be held by another room. */
    CompletableFuture<Boolean> publish(RoomEntry r) {
        return redis.<Long>eval(Scripts.PUBLISH, ScriptOutputType.INTEGER, r.id(), r.node(), r.code(), r.phase(),
                Integer.toString(r.taken()), Integer.toString(r.capacity()), r.isPublic() ? "1" : "0",
                r.locked() ? "1" : "0", r.map(), ttl()).thenApply(n -> n == 1L);
    }

    CompletableFuture<Void> unpublish(String roomId, String code) {
        return redis.<Long>eval(Scripts.UNPUBLISH, ScriptOutputType.INTEGER, roomId, code == null ? "" : code,
                        cfg.nodeId())
                .thenApply(x -> null);
    }

    CompletableFuture<List<RoomEntry>> rooms() {
        return redis.<List<Object>>eval(Scripts.ROOMS, ScriptOutputType.MULTI).thenApply(rows -> {
            List<RoomEntry> out = new ArrayList<>();
            for (Object row : rows) out.add(DirectoryEntries.room(DirectoryEntries.hash((List<?>) row)));
            return out;
        });
    }

    CompletableFuture<Optional<RoomEntry>> locate(String code) {
        return redis.<List<Object>>eval(Scripts.LOCATE, ScriptOutputType.MULTI, code).thenApply(flat ->
                flat.isEmpty() ? Optional.empty() : Optional.of(DirectoryEntries.room(DirectoryEntries.hash(flat))));
    }

    /** Claims a code for this node (or keeps holding it); false when another node or room has it. */
    CompletableFuture<Boolean> claimCode(String code) {
        return redis.<Long>eval(Scripts.CLAIM_CODE, ScriptOutputType.INTEGER, code, cfg.nodeId(), ttl())
                .thenApply(n -> n == 1L);
    }

    CompletableFuture<Reserve> reserveSeat(String roomId, String token, String kind) {
        return redis.<String>eval(Scripts.RESERVE_SEAT, ScriptOutputType.VALUE, roomId, token, kind,
                Long.toString(cfg.reservationTtl().toMillis())).thenApply(Reserve::valueOf);
    }

    CompletableFuture<Void> reserveNode(String node, String token) {
        return redis.<String>eval(Scripts.RESERVE_NODE, ScriptOutputType.VALUE, node, token,
                Long.toString(cfg.reservationTtl().toMillis())).thenApply(x -> null);
    }

    /** Uses up a reservation made for this node; empty when it is unknown, used, expired or not for here. */
    CompletableFuture<Optional<Consumed>> consume(String token) {
        return redis.<String>eval(Scripts.CONSUME, ScriptOutputType.VALUE, token, cfg.nodeId()).thenApply(v -> {
            if (v == null) return Optional.empty();
            String[] p = v.split(" ");
            return Optional.of(new Consumed(p[0].equals("-") ? null : p[0], p[1]));
        });
    }
}
