package io.skirmish.net;

import io.netty.handler.timeout.IdleStateHandler;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.Events;
import io.skirmish.transport.EngineSettings;
import io.skirmish.transport.Json;
import io.skirmish.transport.Socket;
import io.skirmish.transport.SocketIoServer;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game server's Socket.IO server: the transport ({@code socketio-transport}'s
 * {@link SocketIoServer}, used through its API only) with this server's policies around it: browser
 * origins and connection caps at the handshake, the inbound message budget, TCP and request limits,
 * strict HTTP, and the HTTP routes on the same port.
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);
    static final String SOCKET_IO_PATH = SocketIoServer.PATH;
    /**
     * A connection that sends nothing this long is closed: a forgotten keep-alive connection. A live
     * WebSocket answers a ping, and a polling client polls, well within it. Reader idle, not all idle:
     * an all-idle handler wraps every write's promise to watch it, garbage on every snapshot.
     */
    static final int IDLE_SECONDS = 120;

    private final SocketIoServer server;
    private final ConnectionLimits limits;
    private final PacketGuard guard;
    private final OriginPolicy origins;

    /**
     * @param setup registers the namespaces and listeners (called before the server starts)
     */
    public SocketServer(NetConfig cfg, Ticker ticker, NetMetrics metrics, Set<String> knownEvents, HttpRoutes routes,
                        Consumer<SocketIoServer> setup) {
        this(cfg, EngineSettings.of(cfg.pingIntervalMs(), cfg.pingTimeoutMs(), cfg.maxPayload()), ticker, metrics,
                knownEvents, routes, setup);
    }

    /**
     * @param engine Engine.IO settings (its heartbeat and max payload are used, not {@code cfg}'s)
     * @param knownEvents the event names some listener handles (others are counted as unknown)
     * @param setup registers the namespaces and listeners (called before the server starts)
     */
    public SocketServer(NetConfig cfg, EngineSettings engine, Ticker ticker, NetMetrics metrics, Set<String> knownEvents,
                        HttpRoutes routes, Consumer<SocketIoServer> setup) {
        limits = new ConnectionLimits(cfg.maxConnections(), cfg.maxConnectionsPerAddress());
        origins = new OriginPolicy(cfg.allowedOrigins());
        HttpHandler http = new HttpHandler(SOCKET_IO_PATH, routes, new StaticFiles(cfg.staticDir()), cfg.metricsAccess(),
                origins);
        HandshakeGate gate = new HandshakeGate(origins, limits, cfg.limits(), metrics);
        SocketIoServer[] io = new SocketIoServer[1];
        guard = new PacketGuard(ticker, cfg.events(), knownEvents, new PacketGuard.Listener() {
            @Override
            public void limited(UUID session, EventBudget.Verdict verdict) {
                metrics.rateLimited(verdict.name().toLowerCase(Locale.ROOT));
                if (verdict == EventBudget.Verdict.THROTTLE) {
                    Socket c = io[0].socket(session);
                    if (c != null) {
                        c.emit(Events.SERVER_ERROR, Json.of(
                                "{\"code\":\"RATE_LIMITED\",\"message\":\"too many messages: slow down or be disconnected\"}"));
                    }
                } else if (verdict == EventBudget.Verdict.DISCONNECT) {
                    log.info("disconnected session {}: message flood", session);
                }
            }

            @Override
            public void unknownEvent(UUID session) {
                metrics.unknownEvent();
            }
        });
        TcpLimit tcpLimit = new TcpLimit(cfg.limits().maxTcpPerAddress(), metrics);
        StrictHttp strictHttp = new StrictHttp(metrics);
        IdleConnections idle = new IdleConnections(metrics);
        long requestTimeoutMs = cfg.limits().requestTimeoutMs();
        server = SocketIoServer.builder()
                .host(cfg.host())
                .port(cfg.port())
                .settings(engine)
                .workerThreads(cfg.workerThreads())
                .sessionGate(gate)
                .onProtocolViolation(() -> metrics.rejected("transport", "malformed"))
                .eventErrors((session, e) -> metrics.rejected("event", "handler_error"))
                .pipeline(pipeline -> {
                    RequestDeadline deadline = new RequestDeadline(requestTimeoutMs, metrics);
                    pipeline.addFirst("skirmishIdleState", new IdleStateHandler(IDLE_SECONDS, 0, 0));
                    pipeline.addFirst("skirmishDeadline", deadline.front());
                    pipeline.addFirst("skirmishTcpLimit", tcpLimit);
                    pipeline.addAfter(SocketIoServer.HTTP_ENCODER, "skirmishStrictHttp", strictHttp);
                    pipeline.addBefore(SocketIoServer.ENGINE, "skirmishRequestDone", deadline.back());
                    pipeline.addBefore(SocketIoServer.ENGINE, "skirmishIdle", idle);
                    pipeline.addBefore(SocketIoServer.ENGINE, "skirmishHttp", http);
                })
                .inboundGuard(guard)
                .build();
        io[0] = server;
        server.namespace().onConnect(socket -> limits.opened(socket.address()));
        server.namespace().onDisconnect(socket -> {
            limits.closed(socket.address());
            guard.forget(socket.sessionId());
        });
        setup.accept(server);
    }

    /** Binds and starts; returns the bound port (useful with port 0). */
    public int start() {
        return server.start();
    }

    /** Which browser origins may connect; a cluster adds its nodes' origins. */
    public OriginPolicy origins() {
        return origins;
    }

    public int port() {
        return server.port();
    }

    /**
     * Puts every handler a connection to this server gets onto {@code ch}, a channel that did not
     * come from the port (the HTTP entry fuzz test feeds an {@code EmbeddedChannel}). Start first.
     */
    public void initChannel(io.netty.channel.Channel ch) {
        server.initChannel(ch);
    }

    /** The inbound message budget of a session, or null when it has none (yet). Any thread. */
    public EventBudget eventBudget(UUID session) {
        return guard.budget(session);
    }

    /** Live Engine.IO sessions, whether or not connected to a namespace. */
    public int sessions() {
        return server.sessions();
    }

    /** Stops fast: tells every client, closes every connection, then the I/O threads. */
    @Override
    public void close() {
        server.close();
    }
}
