package io.skirmish.cluster;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.cluster.DirectoryEntries.NodeEntry;
import io.skirmish.cluster.DirectoryEntries.RoomEntry;
import io.skirmish.protocol.Events;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import io.skirmish.room.RoomManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drain that moves rooms. The draining node freezes each room with players, sends its image to the
 * least-loaded other node (Redis pub/sub, channel {@code skirmish:handoff:NODE}), and once that node
 * answers that it runs the room, reserves a seat there for each player and tells them
 * {@code server:shutdown {reason:"moved", drainMs, moveTo:{url, reservation}}}. A room that cannot
 * move (no other node, Redis away, no answer in time) is unfrozen and drains as on one node.
 */
final class RoomHandoff {
    private static final Logger log = LoggerFactory.getLogger(RoomHandoff.class);
    private static final long ANSWER_MS = 2000;

    private final ClusterNode node;
    private final RedisLink redis;
    private final RedisDirectory directory;
    private final RoomManager rooms;
    private final ClusterMetrics metrics;
    private final ExecutorService worker;
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    RoomHandoff(ClusterNode node, RedisLink redis, RedisDirectory directory, RoomManager rooms, ClusterMetrics metrics,
                ExecutorService worker) {
        this.node = node;
        this.redis = redis;
        this.directory = directory;
        this.rooms = rooms;
        this.metrics = metrics;
        this.worker = worker;
        redis.subscribe(requests(node.id()), msg -> worker.execute(() -> adopt(msg)));
        redis.subscribe(replies(node.id()), msg -> worker.execute(() -> answered(msg)));
    }

    private static String requests(String nodeId) {
        return "skirmish:handoff:" + nodeId;
    }

    private static String replies(String nodeId) {
        return "skirmish:handoff-reply:" + nodeId;
    }

    // ---- the receiving node --------------------------------------------------------------------

    private void adopt(String message) {
        JsonObject req;
        try {
            req = JsonParser.parseString(message).getAsJsonObject();
        } catch (RuntimeException e) {
            log.warn("handoff: unreadable request ignored");
            return;
        }
        JsonObject reply = new JsonObject();
        reply.add("id", req.get("id"));
        try {
            if (!rooms.accepting()) {
                throw new IllegalStateException("this node is not taking rooms");
            }
            Room room = rooms.adopt(new RawJson(req.getAsJsonObject("image").toString()));
            node.publishNow(); // its players arrive with the seat tokens it already knows; no need to wait
            reply.addProperty("ok", true);
            log.info("handoff: room {} moved here from {}", room.id(), req.get("from").getAsString());
        } catch (Exception e) {
            reply.addProperty("ok", false);
            reply.addProperty("error", e.toString());
            log.warn("handoff: refused a room from {}: {}", req.get("from"), e.toString());
        }
        redis.publish(replies(req.get("from").getAsString()), reply.toString());
    }

    private void answered(String message) {
        try {
            JsonObject reply = JsonParser.parseString(message).getAsJsonObject();
            CompletableFuture<JsonObject> f = waiting.remove(reply.get("id").getAsString());
            if (f != null) f.complete(reply);
        } catch (RuntimeException e) {
            log.warn("handoff: unreadable reply ignored");
        }
    }

    // ---- the draining node ---------------------------------------------------------------------

    /**
     * Moves every room with players to other nodes, all at once; returns when each has moved or stayed
     * (at most a few seconds). Not on a game thread: the draining thread waits here.
     *
     * @return the number of rooms moved
     */
    int moveAll(long drainMs) {
        List<Room> toMove = rooms.rooms().stream().filter(r -> !r.isClosed() && r.occupancy() > 0).toList();
        if (toMove.isEmpty() || !redis.up()) {
            return 0;
        }
        List<NodeEntry> nodes;
        List<RoomEntry> entries;
        try {
            nodes = directory.nodes().get(1, TimeUnit.SECONDS);
            entries = directory.rooms().get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("drain: cannot read the directory ({}); rooms stay and drain here", e.toString());
            return 0;
        }
        Map<String, Integer> load = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (NodeEntry n : nodes) {
            if (n.accepting() && !n.id().equals(node.id())) {
                load.put(n.id(), 0);
                urls.put(n.id(), n.url());
            }
        }
        if (load.isEmpty()) {
            log.info("drain: no other node takes rooms; {} rooms drain here", toMove.size());
            return 0;
        }
        entries.forEach(r -> load.computeIfPresent(r.node(), (k, v) -> v + r.taken()));
        List<CompletableFuture<Boolean>> moves = new ArrayList<>();
        for (Room room : toMove) {
            String target = load.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            load.merge(target, room.occupancy(), Integer::sum);
            moves.add(move(room, target, urls.get(target), drainMs));
        }
        int moved = 0;
        for (CompletableFuture<Boolean> f : moves) {
            try {
                if (f.get(ANSWER_MS + 2000, TimeUnit.MILLISECONDS)) moved++;
            } catch (Exception e) {
                log.warn("drain: a move did not finish: {}", e.toString());
            }
        }
        log.info("drain: moved {} of {} rooms", moved, toMove.size());
        return moved;
    }

    private CompletableFuture<Boolean> move(Room room, String target, String url, long drainMs) {
        long begin = System.nanoTime();
        String id = node.id() + "-" + ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        // Seats are reserved on the target before the room freezes: the frozen time (no snapshots) stays short.
        CompletableFuture<Map<String, String>> reserved = reservations(room, target);
        long[] at = new long[4];
        return reserved.thenCompose(x -> {
            at[0] = System.nanoTime();
            return rooms.freeze(room);
        }).thenCompose(image -> {
            at[1] = System.nanoTime();
            JsonObject req = new JsonObject();
            req.addProperty("id", id);
            req.addProperty("from", node.id());
            req.add("image", JsonParser.parseString(image.json()));
            return redis.publish(requests(target), req.toString());
        }).thenCompose(receivers -> {
            if (receivers == 0) throw new IllegalStateException("node " + target + " is not listening");
            at[2] = System.nanoTime();
            return answer.orTimeout(ANSWER_MS, TimeUnit.MILLISECONDS);
        }).thenCompose(reply -> {
            at[3] = System.nanoTime();
            if (!reply.get("ok").getAsBoolean()) {
                throw new IllegalStateException("node " + target + " refused: " + reply.get("error"));
            }
            return reserved;
        }).thenCompose(reservations -> rooms.finishMove(room, Events.SERVER_SHUTDOWN,
                token -> shutdownMessage(drainMs, url, token == null ? null : reservations.get(token))))
                .handle((ok, err) -> {
                    waiting.remove(id);
                    if (err != null) {
                        log.warn("drain: room {} stays here ({})", room.id(), RedisLink.cause(err).toString());
                        rooms.unfreeze(room);
                        return false;
                    }
                    metrics.moved("drain");
                    long end = System.nanoTime();
                    log.info("drain: room {} moved to {} in {} ms (seats reserved {} ms, frozen {} ms, image sent {} ms,"
                                    + " adopted {} ms, players told {} ms)", room.id(), target, ms(end - begin),
                            ms(at[0] - begin), ms(at[1] - at[0]), ms(at[2] - at[1]), ms(at[3] - at[2]), ms(end - at[3]));
                    return true;
                });
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** One single-use reservation on the target per seat token. */
    private CompletableFuture<Map<String, String>> reservations(Room room, String target) {
        Map<String, String> byToken = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String seatToken : rooms.seatTokens(room)) {
            String r = node.newToken();
            byToken.put(seatToken, r);
            all.add(directory.reserveNode(target, r));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> byToken);
    }

    private static RawJson shutdownMessage(long drainMs, String url, String reservation) {
        JsonObject o = new JsonObject();
        o.addProperty("reason", "moved");
        o.addProperty("drainMs", drainMs);
        JsonObject to = new JsonObject();
        to.addProperty("url", url);
        if (reservation != null) to.addProperty("reservation", reservation);
        o.add("moveTo", to);
        return new RawJson(o.toString());
    }
}
