package io.skirmish.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skirmish.admin.AdminConsole;
import io.skirmish.admin.AdminToken;
import io.skirmish.admin.RoomStats;
import io.skirmish.cluster.ClusterConfig;
import io.skirmish.cluster.ClusterNode;
import io.skirmish.game.GameCatalog;
import io.skirmish.game.Phase;
import io.skirmish.loop.GameLoop;
import io.skirmish.loop.OverloadMonitor;
import io.skirmish.loop.Ticker;
import io.skirmish.net.FullHttpRoutes;
import io.skirmish.net.GameEndpoint;
import io.skirmish.net.HttpRoutes;
import io.skirmish.net.SocketServer;
import io.skirmish.ops.ServerMetrics;
import io.skirmish.protocol.Events;
import io.skirmish.recorder.Recorders;
import io.skirmish.room.JoinCodes;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import io.skirmish.room.RoomManager;
import io.skirmish.room.RoomSummary;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Skirmish server: Socket.IO and HTTP on one port, rooms on a few game threads.
 *
 * <pre>{@code
 * try (SkirmishServer s = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
 *     int port = s.port();
 * }
 * }</pre>
 */
public final class SkirmishServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SkirmishServer.class);

    private final ServerConfig cfg;
    private final Ticker ticker = Ticker.system();
    private final ServerMetrics metrics;
    private final GameLoop[] loops;
    private final OverloadMonitor[] loopOverload;
    private final Map<Room, GameLoop> loopOf = new ConcurrentHashMap<>();
    private final RoomManager rooms;
    private final GameEndpoint endpoint;
    private final SocketServer socket;
    private final long startedAt = System.currentTimeMillis();
    /** {@code /metrics} on its own port, when configured so ({@code --metrics-port}); else null. */
    private volatile io.skirmish.ops.MetricsServer metricsServer;
    private final JoinCodes codes = new JoinCodes(new SecureRandom());
    private final Recorders recorders;
    private final AdminToken adminToken;
    private final AdminConsole console;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private volatile ClusterNode cluster;
    private volatile boolean closed;

    private SkirmishServer(ServerConfig cfg, GameCatalog games) {
        this.cfg = cfg;
        this.metrics = new ServerMetrics(cfg.rooms().tickRate());
        this.loops = new GameLoop[cfg.gameThreads()];
        this.loopOverload = new OverloadMonitor[loops.length];
        long period = TimeUnit.SECONDS.toNanos(1) / cfg.rooms().tickRate();
        for (int i = 0; i < loops.length; i++) {
            int n = i;
            // A game thread whose rooms take longer than the tick period for a second is overloaded.
            loopOverload[i] = new OverloadMonitor(period, cfg.rooms().tickRate(), 5 * cfg.rooms().tickRate());
            loops[i] = new GameLoop("game-" + i, ticker, cfg.rooms().tickRate(), 3, nanos -> onLoopTick(n, nanos));
        }
        RoomManager.Scheduler scheduler = new RoomManager.Scheduler() {
            @Override
            public void schedule(Room room) {
                GameLoop loop = java.util.Arrays.stream(loops).min(Comparator.comparingInt(GameLoop::size)).orElseThrow();
                loopOf.put(room, loop);
                loop.add(room);
            }

            @Override
            public void unschedule(Room room) {
                GameLoop loop = loopOf.remove(room);
                if (loop != null) loop.remove(room);
            }
        };
        this.recorders = new Recorders(cfg.admin().recorder());
        RoomStats roomStats = new RoomStats(metrics);
        this.rooms = new RoomManager(cfg.rooms(), recorders.wrap(games), ticker, roomStats, scheduler, codes,
                cfg.guessLimits());
        rooms.observe(recorders);
        this.endpoint = new GameEndpoint(rooms, ticker, metrics, cfg.net().limits());
        metrics.gauge("skirmish_rooms", "Live rooms", rooms, RoomManager::roomCount);
        metrics.gauge("skirmish_players", "Seats taken or reserved", rooms, RoomManager::playerCount);
        metrics.gauge("skirmish_spectators", "Spectators in rooms", rooms, RoomManager::spectatorCount);
        for (Phase phase : Phase.values()) {
            metrics.gauge("skirmish_rooms_by_phase", "Live rooms in each phase", rooms, r -> r.roomsIn(phase.wire()),
                    "phase", phase.wire());
        }
        metrics.gauge("skirmish_overloaded", "1 while new players are refused because a game thread is overloaded",
                rooms, r -> r.overloaded() ? 1 : 0);
        metrics.gauge("skirmish_ready", "1 while accepting players", rooms, r -> r.accepting() ? 1 : 0);
        metrics.counter("skirmish_skipped_ticks", "Ticks game threads skipped because they fell too far behind",
                loops, ls -> java.util.Arrays.stream(ls).mapToLong(GameLoop::skippedTicks).sum());
        metrics.gauge("skirmish_recorder_bytes", "Bytes held by the rooms' flight recorders", recorders, Recorders::bytes);
        metrics.counter("skirmish_recorder_seconds", "Game-thread time spent recording rooms", recorders,
                r -> r.stats().seconds());
        metrics.counter("skirmish_recorder_ticks", "Room ticks recorded", recorders, r -> r.stats().ticks());
        metrics.counter("skirmish_recorder_failures", "Flight recorders that threw and stopped (their rooms went on)",
                recorders, r -> r.stats().broken());
        metrics.counter("skirmish_recordings_written", "Flight recordings written (failed rooms, downloads)", recorders,
                r -> r.stats().written());
        this.adminToken = AdminToken.of(cfg.admin().token(), new SecureRandom());
        this.console = new AdminConsole(adminToken, new AdminConsole.Server() {
            @Override
            public RoomManager rooms() {
                return rooms;
            }

            @Override
            public int connections() {
                return endpoint.connections();
            }

            @Override
            public double handshakesRefused() {
                return metrics.registry().find("skirmish_handshakes_refused").counters().stream()
                        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            }

            @Override
            public Recorders recorders() {
                return recorders;
            }

            @Override
            public void drain() {
                Thread t = new Thread(SkirmishServer.this::drainAndClose, "admin-drain");
                t.setDaemon(true);
                t.start();
            }
        }, roomStats);
        this.socket = new SocketServer(cfg.net(), ticker, metrics, GameEndpoint.EVENTS, new Routes(), endpoint::register);
        endpoint.eventBudgets(socket::eventBudget);
    }

    /** Called on game thread {@code n} after each of its ticks. */
    private void onLoopTick(int n, long nanos) {
        metrics.loopTick(nanos);
        switch (loopOverload[n].record(nanos)) {
            case ENTERED -> {
                log.warn("game thread {} overloaded (tick took {} ms); refusing new players", n, nanos / 1_000_000);
                rooms.setOverloaded(true);
            }
            case LEFT -> {
                boolean any = java.util.Arrays.stream(loopOverload).anyMatch(OverloadMonitor::overloaded);
                rooms.setOverloaded(any);
                if (!any) log.info("game threads recovered; accepting players again");
            }
            default -> { }
        }
    }

    /** Starts a server running the built-in games; returns once the port is bound. */
    public static SkirmishServer start(ServerConfig cfg) {
        return start(cfg, BuiltInGames.catalog());
    }

    /** Starts a server running the games of a catalog. */
    public static SkirmishServer start(ServerConfig cfg, GameCatalog games) {
        return start(cfg, games, null);
    }

    /**
     * Starts a server running the games of a catalog; with a {@code cluster} config it joins that
     * cluster (Redis) once its port is bound. {@code null}: one node, nothing external.
     */
    public static SkirmishServer start(ServerConfig cfg, GameCatalog games, ClusterConfig cluster) {
        SkirmishServer s = new SkirmishServer(cfg, games);
        for (GameLoop loop : s.loops) {
            loop.start();
        }
        int port = s.socket.start();
        if (cfg.net().metricsAccess().separate()) {
            s.metricsServer = io.skirmish.ops.MetricsServer.start(cfg.net().metricsAccess(), s.metrics::scrape);
            log.info("metrics on http://{}:{}/metrics", cfg.net().metricsAccess().host(), s.metricsServer.port());
        }
        log.info("listening on http://{}:{} (tick {} Hz, snapshots {} Hz)", displayHost(cfg.net().host()), port,
                cfg.rooms().tickRate(), cfg.rooms().snapshotRate());
        if (s.adminToken.generated()) {
            log.info("admin console on http://{}:{}/admin with the generated token {} (choose one with --admin-token "
                    + "or SKIRMISH_ADMIN_TOKEN)", displayHost(cfg.net().host()), port, s.adminToken.generatedValue());
        } else {
            log.info("admin console on http://{}:{}/admin", displayHost(cfg.net().host()), port);
        }
        if (cluster != null) {
            String url = cluster.publicUrl() != null ? cluster.publicUrl()
                    : "http://" + displayHost(cfg.net().host()) + ":" + port;
            s.cluster = ClusterNode.start(cluster, url, s.rooms, s.codes, s.metrics.registry());
            s.endpoint.route(s.cluster.router());
            s.socket.origins().alsoAllow(s.cluster::nodeOrigins); // pages of other nodes follow their rooms here
        }
        return s;
    }

    public int port() {
        return socket.port();
    }

    public RoomManager rooms() {
        return rooms;
    }

    /** This node in its cluster; null when the server runs alone. */
    public ClusterNode cluster() {
        return cluster;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** The port of the separate metrics listener, or -1 when {@code /metrics} is on the game port. */
    public int metricsPort() {
        io.skirmish.ops.MetricsServer m = metricsServer;
        return m == null ? -1 : m.port();
    }

    public int connections() {
        return endpoint.connections();
    }

    /** Every room's flight recorder. */
    public Recorders recorders() {
        return recorders;
    }

    /** Completes when the server has stopped (after a drain started from the console, too). */
    public CompletableFuture<Void> closed() {
        return closedFuture;
    }

    /**
     * Graceful shutdown: stop taking players ({@code /readyz} turns 503), tell every client, let
     * running rounds finish (or everyone leave) for at most the drain timeout, then disconnect the rest
     * and stop.
     */
    public void drainAndClose() {
        if (closed) return;
        rooms.setAccepting(false);
        long drainMs = cfg.drainTimeout().toMillis();
        ClusterNode c = cluster;
        // Cluster: rooms with players move to other nodes first; their players are told where to go.
        int moved = c != null ? c.moveRooms(drainMs) : 0;
        long movesDeadline = System.nanoTime() + (moved > 0 ? TimeUnit.SECONDS.toNanos(2) : 0);
        JsonObject bye = new JsonObject();
        bye.addProperty("reason", "shutdown");
        bye.addProperty("drainMs", drainMs);
        endpoint.broadcast(Events.SERVER_SHUTDOWN, new RawJson(bye.toString()));
        log.info("draining: {} connections, up to {} ms", endpoint.connections(), drainMs);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMs);
        while (endpoint.connections() > 0 && (roundsRunning() || System.nanoTime() < movesDeadline)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50); // production wait for clients to leave, not a test synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        rooms.announceShutdown();
        endpoint.disconnectAll();
        close();
    }

    private boolean roundsRunning() {
        return rooms.rooms().stream().anyMatch(r -> r.occupancy() > 0
                && (r.summary().phase().equals("playing") || r.summary().phase().equals("countdown")));
    }

    /** Stops at once: closes the port and the game threads. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        rooms.setAccepting(false);
        if (cluster != null) {
            cluster.close();
        }
        socket.close();
        if (metricsServer != null) {
            metricsServer.close();
        }
        for (GameLoop loop : loops) {
            try {
                loop.stop(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        console.close();
        recorders.close();
        log.info("stopped");
        closedFuture.complete(null);
    }

    /** The plain routes below, and the admin console's (which need headers, bodies and cookies). */
    private final class Routes implements HttpRoutes, FullHttpRoutes {
        @Override
        public HttpRoutes.Response handle(String method, String path, Map<String, List<String>> query) {
            return route(method, path, query);
        }

        @Override
        public CompletableFuture<Reply> handle(Request request) {
            return console.handle(request);
        }
    }

    private HttpRoutes.Response route(String method, String path, Map<String, List<String>> query) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return null;
        }
        return switch (path) {
            case "/healthz" -> {
                JsonObject o = new JsonObject();
                o.addProperty("status", "ok");
                o.addProperty("uptimeMs", System.currentTimeMillis() - startedAt);
                o.addProperty("rooms", rooms.roomCount());
                o.addProperty("players", rooms.playerCount());
                o.addProperty("connections", endpoint.connections());
                yield HttpRoutes.Response.json(200, o.toString());
            }
            case "/readyz" -> {
                boolean ready = rooms.accepting();
                yield HttpRoutes.Response.json(ready ? 200 : 503, "{\"ready\":" + ready + "}");
            }
            case "/api/rooms" -> {
                JsonArray list = new JsonArray();
                ClusterNode c = cluster;
                for (RoomSummary r : c != null ? c.publicRooms() : rooms.publicRooms()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("id", r.id());
                    o.addProperty("players", r.players());
                    o.addProperty("capacity", r.capacity());
                    o.addProperty("phase", r.phase());
                    o.addProperty("game", r.game());
                    o.addProperty("map", r.map());
                    list.add(o);
                }
                JsonObject o = new JsonObject();
                o.add("rooms", list);
                yield HttpRoutes.Response.json(200, o.toString());
            }
            case "/api/games" -> HttpRoutes.Response.json(200, rooms.games().toJson().toString());
            case "/metrics" -> HttpRoutes.Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            default -> null;
        };
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }
}
