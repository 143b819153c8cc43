package io.skirmish.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.skirmish.cluster.DirectoryEntries.NodeEntry;
import io.skirmish.cluster.DirectoryEntries.RoomEntry;
import io.skirmish.net.RequestRouter;
import io.skirmish.room.JoinCodes;
import io.skirmish.room.Room;
import io.skirmish.room.RoomManager;
import io.skirmish.room.RoomSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server as a member of a cluster: every heartbeat (on its own thread) it advertises itself and
 * its load, publishes its rooms and removes the ones that ended, keeps its pool of join codes, and
 * reads the directory back for {@code /api/rooms} and the metrics. Redis being away only makes these
 * steps fail until it returns; nothing else waits for them.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final ClusterConfig cfg;
    private final String publicUrl;
    private final RoomManager rooms;
    private final JoinCodes codes;
    private final ClusterMetrics metrics;
    private final RedisLink redis;
    private final RedisDirectory directory;
    private final CodePool codePool;
    private final ClusterRouter router;
    private final ScheduledExecutorService thread;
    private final java.util.concurrent.ExecutorService handoffThread;
    private final RoomHandoff handoff;
    /** Rooms published, by id, with their code (to remove their entries when they end). */
    private final Map<String, String> published = new ConcurrentHashMap<>();
    private volatile List<RoomEntry> clusterRooms = List.of();
    private volatile List<NodeEntry> clusterNodes = List.of();
    /** The browser origins of the cluster's nodes, derived once per directory read ({@link #nodeOrigins}). */
    private volatile java.util.Set<String> nodeOrigins;
    private volatile boolean closed;

    private ClusterNode(ClusterConfig cfg, String publicUrl, RoomManager rooms, JoinCodes codes, MeterRegistry registry) {
        this.cfg = cfg;
        this.publicUrl = publicUrl;
        this.nodeOrigins = originsOf(List.of(), publicUrl);
        this.rooms = rooms;
        this.codes = codes;
        this.metrics = new ClusterMetrics(registry);
        this.redis = new RedisLink(cfg.redisUri(), metrics);
        this.directory = new RedisDirectory(redis, cfg);
        this.codePool = new CodePool(directory, codes);
        this.router = new ClusterRouter(this, directory, metrics);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-" + cfg.nodeId());
            t.setDaemon(true);
            return t;
        });
        this.handoffThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cluster-handoff-" + cfg.nodeId());
            t.setDaemon(true);
            return t;
        });
        this.handoff = new RoomHandoff(this, redis, directory, rooms, metrics, handoffThread);
    }

    /**
     * Joins the cluster: hands the room manager cluster-wide join codes and starts the heartbeat. Returns
     * at once; the first heartbeat connects to Redis (and keeps trying while it is away).
     */
    public static ClusterNode start(ClusterConfig cfg, String publicUrl, RoomManager rooms, JoinCodes codes,
                                    MeterRegistry registry) {
        ClusterNode n = new ClusterNode(cfg, publicUrl, rooms, codes, registry);
        rooms.useCodes(n.codePool);
        n.thread.scheduleWithFixedDelay(n::heartbeat, 0, cfg.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        log.info("cluster node {} at {} (redis {})", cfg.nodeId(), publicUrl, cfg.redisUri());
        return n;
    }

    /** Where requests are served: here or, with {@code MOVED}, on another node. */
    public RequestRouter router() {
        return router;
    }

    public String id() {
        return cfg.nodeId();
    }

    public String publicUrl() {
        return publicUrl;
    }

    /**
     * The browser origins of the cluster's nodes as last read (this one's included): a page served by
     * one node may follow its room to another, so each node lets those pages connect.
     */
    public java.util.Set<String> nodeOrigins() {
        return nodeOrigins;
    }

    private static java.util.Set<String> originsOf(List<NodeEntry> nodes, String ownUrl) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (NodeEntry n : nodes) all.add(originOf(n.url()));
        all.add(originOf(ownUrl));
        all.remove("");
        return java.util.Set.copyOf(all);
    }

    static String originOf(String url) {
        try {
            java.net.URI u = java.net.URI.create(url.toLowerCase(java.util.Locale.ROOT));
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) return "";
            int port = u.getPort();
            boolean defaultPort = port < 0 || (port == 80 && u.getScheme().equals("http"))
                    || (port == 443 && u.getScheme().equals("https"));
            return u.getScheme() + "://" + u.getHost() + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    boolean redisUp() {
        return redis.up();
    }

    String newToken() {
        return codes.newSeatToken();
    }

    /** The id of the live room of this node with join code {@code code}, if there is one. */
    java.util.Optional<String> localRoomId(String code) {
        return rooms.rooms().stream().filter(r -> ClusterRouter.isLocal(r, code)).map(Room::id).findFirst();
    }

    String defaultGame() {
        return rooms.games().defaultGame().id();
    }

    int localPlayers() {
        return rooms.playerCount();
    }

    int localRooms() {
        return rooms.roomCount();
    }

    /**
     * Public rooms of the whole cluster as last read (at most a heartbeat old); this node's own rooms
     * only while Redis is unreachable.
     */
    public List<RoomSummary> publicRooms() {
        if (!redis.up()) {
            return rooms.publicRooms();
        }
        List<RoomSummary> list = new ArrayList<>();
        for (RoomEntry r : clusterRooms) {
            if (r.isPublic()) {
                // The directory's map field holds "game/map" (see the heartbeat below).
                String[] gm = r.map().split("/", 2);
                list.add(new RoomSummary(r.id(), r.taken(), r.capacity(), r.phase(), gm.length == 2 ? gm[0] : "",
                        gm[gm.length - 1], 0));
            }
        }
        list.sort(Comparator.comparing(RoomSummary::id));
        return list;
    }

    /**
     * Drain step: moves this node's rooms with players to other nodes (their players are told where to
     * go). Call after the node stopped taking players; waits a few seconds at most. Returns how many
     * rooms moved; the others drain here.
     */
    public int moveRooms(long drainMs) {
        if (closed) return 0;
        try {
            // other nodes learn at once that this one takes no players
            directory.heartbeat(publicUrl, rooms.playerCount(), rooms.roomCount(), false).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("drain heartbeat failed: {}", e.toString());
        }
        return handoff.moveAll(drainMs);
    }

    /** One heartbeat (cluster thread): errors only mean Redis is away; the next one tries again. */
    private void heartbeat() {
        if (closed) return;
        try {
            redis.ensureConnected()
                    .thenCompose(x -> directory.heartbeat(publicUrl, rooms.playerCount(), rooms.roomCount(),
                            rooms.accepting()))
                    .thenCompose(x -> publishNow())
                    .thenCompose(x -> codePool.refresh())
                    .thenCompose(x -> refreshView())
                    .orTimeout(cfg.heartbeat().toMillis() * 2, TimeUnit.MILLISECONDS)
                    .exceptionally(e -> {
                        log.debug("heartbeat failed: {}", RedisLink.cause(e).toString());
                        return null;
                    })
                    .join(); // the cluster thread's own wait: one heartbeat at a time
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    /** Publishes every room of this node and removes the entries of rooms that ended. */
    CompletableFuture<Void> publishNow() {
        List<CompletableFuture<?>> all = new ArrayList<>();
        Map<String, String> live = new HashMap<>();
        for (Room r : rooms.rooms()) {
            if (r.isClosed()) continue;
            String code = r.code() == null ? "" : r.code();
            live.put(r.id(), code);
            if (r.isFrozen()) continue; // moving to another node, which publishes it next
            RoomEntry e = new RoomEntry(r.id(), cfg.nodeId(), code, r.summary().phase(), r.occupancy(), 0,
                    r.settings().maxPlayers(), !r.isPrivate(), r.isLocked(),
                    r.settings().game() + "/" + r.settings().map());
            all.add(directory.publish(e).thenAccept(ok -> {
                if (!ok) log.warn("join code {} of room {} is held by another room in the cluster", code, r.id());
                published.put(r.id(), code);
            }));
        }
        for (Map.Entry<String, String> gone : published.entrySet()) {
            if (!live.containsKey(gone.getKey())) {
                all.add(directory.unpublish(gone.getKey(), gone.getValue())
                        .thenRun(() -> published.remove(gone.getKey(), gone.getValue())));
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> refreshView() {
        return directory.rooms().thenCombine(directory.nodes(), (rs, ns) -> {
            clusterRooms = rs;
            clusterNodes = ns;
            nodeOrigins = originsOf(ns, publicUrl);
            Map<String, Integer> perNode = new HashMap<>();
            ns.forEach(n -> perNode.put(n.id(), 0));
            rs.forEach(r -> perNode.merge(r.node(), 1, Integer::sum));
            metrics.directory(ns.size(), perNode);
            return null;
        });
    }

    /** Leaves the cluster: removes this node and its rooms from the directory (best effort, bounded). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        thread.shutdown();
        handoffThread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
            if (redis.up()) {
                List<CompletableFuture<?>> all = new ArrayList<>();
                all.add(directory.leave());
                published.forEach((id, code) -> all.add(directory.unpublish(id, code)));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.debug("leaving the cluster: {}", e.toString());
        }
        redis.close();
    }
}
