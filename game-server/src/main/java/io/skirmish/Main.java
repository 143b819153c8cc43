package io.skirmish;

import io.skirmish.cluster.ClusterConfig;
import io.skirmish.net.EventBudget;
import io.skirmish.net.MetricsAccess;
import io.skirmish.net.NetConfig;
import io.skirmish.net.NetLimits;
import io.skirmish.room.RoomConfig;
import io.skirmish.game.GameCatalog;
import io.skirmish.server.BuiltInGames;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code java -jar game-server.jar [options]}: runs the game server. Every option also reads a SKIRMISH_* variable. */
@Command(name = "game-server", mixinStandardHelpOptions = true, version = "Skirmish 0.1.0",
        description = "Skirmish: an authoritative real-time game server speaking Socket.IO.",
        sortOptions = false, showDefaultValues = true, subcommands = {ConformanceCommand.class, ReplayCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:SKIRMISH_HOST:-0.0.0.0}", description = "Address to bind.")
    String host;

    @Option(names = "--port", defaultValue = "${env:SKIRMISH_PORT:-3000}",
            description = "Port to bind; 0 picks a free port (the log says which).")
    int port;

    @Option(names = "--tick-rate", defaultValue = "${env:SKIRMISH_TICK_RATE:-30}", description = "Simulation ticks per second.")
    int tickRate;

    @Option(names = "--snapshot-rate", defaultValue = "${env:SKIRMISH_SNAPSHOT_RATE:-0}",
            description = "Snapshots per second (0: the tick rate).")
    int snapshotRate;

    @Option(names = "--capacity", defaultValue = "${env:SKIRMISH_CAPACITY:-8}", description = "Seats in a public room.")
    int capacity;

    @Option(names = "--round-seconds", defaultValue = "${env:SKIRMISH_ROUND_SECONDS:-180}", description = "Round length.")
    int roundSeconds;

    @Option(names = "--seat-grace", defaultValue = "${env:SKIRMISH_SEAT_GRACE:-20}",
            description = "Seconds a dropped player's seat is kept for a rejoin.")
    int seatGrace;

    @Option(names = "--empty-room-grace", defaultValue = "${env:SKIRMISH_EMPTY_ROOM_GRACE:-30}",
            description = "Seconds an empty room lives before it is disposed.")
    int emptyRoomGrace;

    @Option(names = "--drain-timeout", defaultValue = "${env:SKIRMISH_DRAIN_TIMEOUT:-5}",
            description = "On SIGTERM, seconds to wait for clients to leave before disconnecting them.")
    int drainTimeout;

    @Option(names = "--game-threads", defaultValue = "${env:SKIRMISH_GAME_THREADS:-0}",
            description = "Game threads ticking the rooms (0: one per core, at most 4).")
    int gameThreads;

    @Option(names = "--ping-interval", defaultValue = "${env:SKIRMISH_PING_INTERVAL:-25000}", description = "Engine.IO ping interval, ms.")
    int pingInterval;

    @Option(names = "--ping-timeout", defaultValue = "${env:SKIRMISH_PING_TIMEOUT:-20000}", description = "Engine.IO ping timeout, ms.")
    int pingTimeout;

    @Option(names = "--max-payload", defaultValue = "${env:SKIRMISH_MAX_PAYLOAD:-16384}",
            description = "Largest client message in bytes.")
    int maxPayload;

    @Option(names = "--max-connections", defaultValue = "${env:SKIRMISH_MAX_CONNECTIONS:-10000}",
            description = "Live connections in total.")
    int maxConnections;

    @Option(names = "--max-connections-per-address", defaultValue = "${env:SKIRMISH_MAX_CONNECTIONS_PER_ADDRESS:-500}",
            description = "Live connections from one client address.")
    int maxConnectionsPerAddress;

    @Option(names = "--events-per-second", defaultValue = "${env:SKIRMISH_EVENTS_PER_SECOND:-60}",
            description = "Sustained client messages per second per connection (bursts of twice that).")
    int eventsPerSecond;

    @Option(names = "--allowed-origins", split = ",", defaultValue = "${env:SKIRMISH_ALLOWED_ORIGINS:-}",
            description = "Browser origins allowed besides this server's own and localhost (comma-separated; * for any).")
    List<String> allowedOrigins;

    @Option(names = "--request-timeout", defaultValue = "${env:SKIRMISH_REQUEST_TIMEOUT:-10000}",
            description = "Each HTTP request must arrive whole within this many ms of its first byte.")
    int requestTimeout;

    @Option(names = "--max-tcp-per-address", defaultValue = "${env:SKIRMISH_MAX_TCP_PER_ADDRESS:-1024}",
            description = "Open TCP connections from one client address (closed at accept beyond).")
    int maxTcpPerAddress;

    @Option(names = "--max-pending-handshakes", defaultValue = "${env:SKIRMISH_MAX_PENDING_HANDSHAKES:-2048}",
            description = "Sessions not yet connected to a namespace, in total.")
    int maxPendingHandshakes;

    @Option(names = "--max-pending-handshakes-per-address",
            defaultValue = "${env:SKIRMISH_MAX_PENDING_HANDSHAKES_PER_ADDRESS:-256}",
            description = "Sessions not yet connected to a namespace, from one client address.")
    int maxPendingHandshakesPerAddress;

    @Option(names = "--max-rooms-per-connection", defaultValue = "${env:SKIRMISH_MAX_ROOMS_PER_CONNECTION:-3}",
            description = "Live rooms one connection may have created.")
    int maxRoomsPerConnection;

    @Option(names = "--max-rooms-per-address", defaultValue = "${env:SKIRMISH_MAX_ROOMS_PER_ADDRESS:-100}",
            description = "Live rooms created from one client address.")
    int maxRoomsPerAddress;

    @Option(names = "--password-changes-per-minute", defaultValue = "${env:SKIRMISH_PASSWORD_CHANGES_PER_MINUTE:-10}",
            description = "Room password changes one connection may make a minute.")
    int passwordChangesPerMinute;

    @Option(names = "--metrics-host", defaultValue = "${env:SKIRMISH_METRICS_HOST:-127.0.0.1}",
            description = "Address of the separate /metrics listener (with --metrics-port).")
    String metricsHost;

    @Option(names = "--metrics-port", defaultValue = "${env:SKIRMISH_METRICS_PORT:--1}",
            description = "Serve /metrics on this port only (0: a free port; -1: on the game port).")
    int metricsPort;

    @Option(names = "--metrics-token", defaultValue = "${env:SKIRMISH_METRICS_TOKEN}",
            description = "Require 'Authorization: Bearer TOKEN' on /metrics.")
    String metricsToken;

    @Option(names = "--admin-token", defaultValue = "${env:SKIRMISH_ADMIN_TOKEN}",
            description = "Token of the operator's console at /admin (default: generated at start and logged once).")
    String adminToken;

    @Option(names = "--recordings-dir", defaultValue = "${env:SKIRMISH_RECORDINGS_DIR:-recordings}",
            description = "Where flight recordings of failed rooms are written.")
    Path recordingsDir;

    @Option(names = "--recorder-minutes", defaultValue = "${env:SKIRMISH_RECORDER_MINUTES:-5}",
            description = "How far back each room's flight recorder reaches.")
    int recorderMinutes;

    @Option(names = "--static-dir", defaultValue = "${env:SKIRMISH_STATIC_DIR}",
            description = "Serve the browser client from this directory instead of the built-in copy.")
    Path staticDir;

    @Option(names = "--games", split = ",", defaultValue = "${env:SKIRMISH_GAMES:-}",
            description = "Games quick play offers, the default first (for example arena,tag); empty = every game.")
    List<String> games;

    @Option(names = "--redis", defaultValue = "${env:SKIRMISH_REDIS}",
            description = "Cluster mode: redis://host:port of the cluster's Redis (without it: one node, nothing external).")
    String redis;

    @Option(names = "--public-url", defaultValue = "${env:SKIRMISH_PUBLIC_URL}",
            description = "Cluster mode: the URL clients use to reach this node (default http://HOST:PORT).")
    String publicUrl;

    @Option(names = "--node-id", defaultValue = "${env:SKIRMISH_NODE_ID}",
            description = "Cluster mode: this node's id, unique in the cluster (default: random).")
    String nodeId;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig defaults = ServerConfig.defaults();
        RoomConfig rooms = defaults.rooms()
                .withTickRate(tickRate, snapshotRate == 0 ? tickRate : snapshotRate)
                .withDefaultCapacity(capacity)
                .withRoundLength(Duration.ofSeconds(roundSeconds))
                .withSeatGrace(Duration.ofSeconds(seatGrace))
                .withEmptyRoomGrace(Duration.ofSeconds(emptyRoomGrace));
        EventBudget.Limits budget = EventBudget.Limits.defaults();
        NetConfig net = defaults.net().withAddress(host, port).withHeartbeat(pingInterval, pingTimeout)
                .withMaxPayload(maxPayload).withStaticDir(staticDir)
                .withConnectionLimits(maxConnections, maxConnectionsPerAddress)
                .withEventLimits(new EventBudget.Limits(eventsPerSecond, 2 * eventsPerSecond, budget.throttleAfter(),
                        budget.disconnectAfter(), budget.windowMillis()))
                .withAllowedOrigins(allowedOrigins == null ? List.of()
                        : allowedOrigins.stream().filter(o -> !o.isBlank()).toList())
                .withLimits(NetLimits.defaults().withRequestTimeoutMs(requestTimeout)
                        .withMaxTcpPerAddress(maxTcpPerAddress)
                        .withPendingHandshakes(maxPendingHandshakes, maxPendingHandshakesPerAddress)
                        .withRooms(maxRoomsPerConnection, maxRoomsPerAddress)
                        .withPasswordChangesPerMinute(passwordChangesPerMinute))
                .withMetricsAccess(new MetricsAccess(metricsHost, metricsPort, metricsToken));
        ServerConfig cfg = defaults.withNet(net).withRooms(rooms).withDrainTimeout(Duration.ofSeconds(drainTimeout))
                .withAdmin(defaults.admin().withToken(adminToken).withRecorder(defaults.admin().recorder()
                        .withDir(recordingsDir).withWindow(Duration.ofMinutes(Math.max(1, recorderMinutes)))));
        if (gameThreads > 0) {
            cfg = cfg.withGameThreads(gameThreads);
        }
        GameCatalog catalog = BuiltInGames.catalog().withQuickplay(games == null ? List.of()
                : games.stream().map(String::strip).filter(g -> !g.isEmpty()).toList());
        ClusterConfig cluster = null;
        if (redis != null && !redis.isBlank()) {
            String id = nodeId != null && !nodeId.isBlank() ? nodeId : "node-" + Long.toString(
                    new java.security.SecureRandom().nextLong() & 0xffffffffL, 36);
            cluster = ClusterConfig.of(redis, publicUrl == null || publicUrl.isBlank() ? null : publicUrl, id);
        }
        SkirmishServer server = SkirmishServer.start(cfg, catalog, cluster);
        awaitTermination(server::drainAndClose, server.closed());
        return 0;
    }

    /**
     * Blocks until SIGTERM or SIGINT, runs {@code drain}, and exits 0. A shutdown hook would exit
     * 143 on SIGTERM; handling the signal lets a drained shutdown report success.
     */
    static void awaitTermination(Runnable drain) throws InterruptedException {
        awaitTermination(drain, new java.util.concurrent.CompletableFuture<>());
    }

    /** As {@link #awaitTermination(Runnable)}, and also returns when {@code ended} completes (a drain from the console). */
    static void awaitTermination(Runnable drain, java.util.concurrent.CompletableFuture<?> ended) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ended.whenComplete((v, e) -> done.countDown());
        SignalHandler handler = sig -> {
            try {
                drain.run();
            } finally {
                done.countDown();
            }
        };
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
        done.await();
    }
}
