package io.skirmish.cluster;

import com.google.gson.JsonObject;
import io.skirmish.cluster.DirectoryEntries.NodeEntry;
import io.skirmish.cluster.DirectoryEntries.RoomEntry;
import io.skirmish.net.RequestRouter;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Fields;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import io.skirmish.room.Connection;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry for players: serves a join-like request here, or answers {@code MOVED} with the node to
 * go to and a seat reservation there. A request that carries a {@code reservation} uses it up before
 * it is served. Quick play picks the fullest public room with a free seat in the cluster, else a new
 * room on the least-loaded node.
 */
final class ClusterRouter implements RequestRouter {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final ClusterNode node;
    private final RedisDirectory directory;
    private final ClusterMetrics metrics;

    ClusterRouter(ClusterNode node, RedisDirectory directory, ClusterMetrics metrics) {
        this.node = node;
        this.directory = directory;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<RawJson> route(Connection conn, String event, Request req, Object payload,
                                            Supplier<CompletableFuture<RawJson>> here) {
        boolean joinLike = req instanceof Request.QuickPlay || req instanceof Request.Join
                || req instanceof Request.Spectate || req instanceof Request.Create || req instanceof Request.Rejoin;
        if (!joinLike) {
            return here.get();
        }
        String reservation = reservation(payload);
        if (reservation != null) {
            return arrive(reservation, here);
        }
        if (req instanceof Request.QuickPlay q) {
            return quickplay(q.game() != null ? q.game() : node.defaultGame(), here);
        }
        if (req instanceof Request.Join j) {
            return byCode(j.code(), true, here);
        }
        if (req instanceof Request.Spectate s) {
            return byCode(s.code(), false, here);
        }
        return servedHere(here);
    }

    /** A client sent here with a reservation: use it up (once), then serve the request as usual. */
    private CompletableFuture<RawJson> arrive(String token, Supplier<CompletableFuture<RawJson>> here) {
        if (!node.redisUp()) {
            return servedHere(here); // the rooms here still work; the reservation is simply not checked
        }
        return directory.consume(token)
                .handle((used, err) -> null)
                .thenCompose(x -> servedHere(here));
    }

    private CompletableFuture<RawJson> quickplay(String game, Supplier<CompletableFuture<RawJson>> here) {
        if (!node.redisUp()) {
            return unavailable();
        }
        return directory.rooms().thenCombine(directory.nodes(), (rooms, nodes) -> new View(rooms, nodes))
                .thenCompose(view -> pickRoom(view, view.candidates(node.id(), game), 0, here))
                .exceptionallyCompose(this::clusterFailure);
    }

    /** Tries the candidates fullest first: a room here is served here, one elsewhere is reserved and moved to. */
    private CompletableFuture<RawJson> pickRoom(View view, List<RoomEntry> candidates, int i,
                                                Supplier<CompletableFuture<RawJson>> here) {
        if (i >= candidates.size()) {
            return newRoom(view, here);
        }
        RoomEntry r = candidates.get(i);
        if (r.node().equals(node.id())) {
            return seatHere(r.id(), here, () -> pickRoom(view, candidates, i + 1, here));
        }
        String token = node.newToken();
        return directory.reserveSeat(r.id(), token, "quickplay").thenCompose(result -> result == RedisDirectory.Reserve.OK
                ? CompletableFuture.completedFuture(moved("quickplay", view.url(r.node()), token))
                : pickRoom(view, candidates, i + 1, here));
    }

    private CompletableFuture<RawJson> newRoom(View view, Supplier<CompletableFuture<RawJson>> here) {
        String target = view.leastLoaded(node.id(), node.localPlayers(), node.localRooms());
        if (target.equals(node.id())) {
            return servedHere(here);
        }
        String token = node.newToken();
        return directory.reserveNode(target, token)
                .thenApply(x -> moved("quickplay", view.url(target), token));
    }

    private CompletableFuture<RawJson> byCode(String code, boolean seat, Supplier<CompletableFuture<RawJson>> here) {
        Optional<String> local = node.localRoomId(code);
        if (local.isPresent()) {
            return seat ? seatHere(local.get(), here, () -> CompletableFuture.completedFuture(
                    error(ErrorCode.ROOM_FULL, "the room is full"))) : servedHere(here);
        }
        if (!node.redisUp()) {
            return unavailable();
        }
        return directory.locate(code).thenCombine(directory.nodes(), (found, nodes) -> new Object[] {found, nodes})
                .thenCompose(pair -> {
                    @SuppressWarnings("unchecked") Optional<RoomEntry> found = (Optional<RoomEntry>) pair[0];
                    @SuppressWarnings("unchecked") List<NodeEntry> nodes = (List<NodeEntry>) pair[1];
                    Optional<NodeEntry> owner = found.flatMap(r -> nodes.stream()
                            .filter(n -> n.id().equals(r.node())).findFirst());
                    if (found.isEmpty() || owner.isEmpty() || owner.get().id().equals(node.id())) {
                        return here.get(); // ROOM_NOT_FOUND, counted as a wrong guess
                    }
                    RoomEntry r = found.get();
                    if (!seat) {
                        return CompletableFuture.completedFuture(moved("spectate", owner.get().url(), null));
                    }
                    if (r.locked()) {
                        return CompletableFuture.completedFuture(
                                error(ErrorCode.ROOM_LOCKED, "the host locked this room"));
                    }
                    String token = node.newToken();
                    return directory.reserveSeat(r.id(), token, "join").thenCompose(result -> switch (result) {
                        case OK -> CompletableFuture.completedFuture(moved("join", owner.get().url(), token));
                        case FULL -> CompletableFuture.completedFuture(error(ErrorCode.ROOM_FULL, "the room is full"));
                        case GONE -> here.get();
                    });
                })
                .exceptionallyCompose(this::clusterFailure);
    }

    /**
     * Serves a seat in room {@code roomId} of this node, counted in the directory like a seat another
     * node reserves: this node's rooms are published (fresh seat counts), a reservation is taken, the
     * request is served, the seat published, and the reservation used up. So a player already sent here
     * with a reservation for the last seat keeps it: a local player asking after that gets
     * {@code whenFull} instead. Without Redis the room's own count decides, as on one node.
     */
    private CompletableFuture<RawJson> seatHere(String roomId, Supplier<CompletableFuture<RawJson>> here,
                                                Supplier<CompletableFuture<RawJson>> whenFull) {
        if (!node.redisUp()) {
            return servedHere(here);
        }
        String token = node.newToken();
        return node.publishNow()
                .thenCompose(x -> directory.reserveSeat(roomId, token, "local"))
                .handle((result, err) -> err == null ? result : null) // Redis failed meanwhile: the room decides
                .thenCompose(result -> {
                    if (result == RedisDirectory.Reserve.FULL) {
                        return whenFull.get();
                    }
                    CompletableFuture<RawJson> served = servedHere(here);
                    return result != RedisDirectory.Reserve.OK ? served
                            : served.thenCompose(answer -> directory.consume(token).handle((used, e) -> answer));
                });
    }

    /** Serves here; a seat taken here is published before the answer goes out, so the next request anywhere sees it. */
    private CompletableFuture<RawJson> servedHere(Supplier<CompletableFuture<RawJson>> here) {
        return here.get().thenCompose(answer -> node.publishNow().handle((x, e) -> answer));
    }

    private CompletableFuture<RawJson> clusterFailure(Throwable e) {
        Throwable cause = RedisLink.cause(e);
        if (cause instanceof ProtocolException pe) {
            return CompletableFuture.failedFuture(pe);
        }
        return unavailable();
    }

    private static CompletableFuture<RawJson> unavailable() {
        return CompletableFuture.failedFuture(new ProtocolException(ErrorCode.CLUSTER_UNAVAILABLE,
                "the cluster directory is unavailable; rooms on this server still work"));
    }

    private RawJson moved(String kind, String url, String reservation) {
        metrics.moved(kind);
        JsonObject o = errorObject(ErrorCode.MOVED, "the room is on another server; repeat the request there");
        JsonObject to = new JsonObject();
        to.addProperty("url", url);
        if (reservation != null) to.addProperty("reservation", reservation);
        o.add("moveTo", to);
        return new RawJson(o.toString());
    }

    private static RawJson error(ErrorCode code, String message) {
        return new RawJson(errorObject(code, message).toString());
    }

    private static JsonObject errorObject(ErrorCode code, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("code", code.name());
        e.addProperty("message", message);
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.add("error", e);
        return o;
    }

    /** The optional {@code reservation} field of a join-like request. */
    static String reservation(Object payload) {
        Fields f = Fields.of(payload);
        String token = f.optString("reservation", 64);
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw Fields.bad("reservation is malformed");
        }
        return token;
    }

    /** The directory as read for one decision. */
    record View(List<RoomEntry> rooms, List<NodeEntry> nodes) {
        /**
         * Public, unlocked rooms of a game with a free seat on accepting nodes, fullest first (this
         * node's first on a tie).
         */
        List<RoomEntry> candidates(String self, String game) {
            Map<String, NodeEntry> live = nodes.stream().collect(Collectors.toMap(NodeEntry::id, Function.identity()));
            return rooms.stream()
                    .filter(r -> r.isPublic() && !r.locked() && r.free() > 0 && game.equals(r.game()))
                    .filter(r -> live.containsKey(r.node()) && live.get(r.node()).accepting())
                    .sorted(Comparator.comparingInt((RoomEntry r) -> r.taken() + r.pending()).reversed()
                            .thenComparing(r -> r.node().equals(self) ? 0 : 1)
                            .thenComparing(RoomEntry::id))
                    .toList();
        }

        /** The accepting node with the fewest players (then rooms), counted from the room entries; this node on a tie. */
        String leastLoaded(String self, int selfPlayers, int selfRooms) {
            Map<String, int[]> load = new java.util.HashMap<>();
            for (NodeEntry n : nodes) {
                if (n.accepting() || n.id().equals(self)) load.put(n.id(), new int[2]);
            }
            load.put(self, new int[] {selfPlayers, selfRooms});
            for (RoomEntry r : rooms) {
                int[] l = load.get(r.node());
                if (l != null && !r.node().equals(self)) {
                    l[0] += r.taken() + r.pending();
                    l[1]++;
                }
            }
            return load.entrySet().stream()
                    .min(Comparator.comparingInt((Map.Entry<String, int[]> e) -> e.getValue()[0])
                            .thenComparingInt(e -> e.getValue()[1])
                            .thenComparing(e -> e.getKey().equals(self) ? 0 : 1)
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(self);
        }

        String url(String nodeId) {
            return nodes.stream().filter(n -> n.id().equals(nodeId)).map(NodeEntry::url).findFirst().orElseThrow();
        }
    }

    static boolean isLocal(Room r, String code) {
        return code.equals(r.code()) && !r.isClosed();
    }
}
