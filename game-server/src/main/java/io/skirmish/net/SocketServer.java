package io.skirmish.net;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.ExceptionListener;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.util.RawValue;
import io.skirmish.loop.Ticker;
import io.skirmish.transport.engine.EngineChannelInitializer;
import io.skirmish.transport.engine.EngineJson;
import io.skirmish.transport.engine.EngineServer;
import io.skirmish.transport.engine.EngineSettings;
import java.net.InetSocketAddress;
import io.skirmish.protocol.Events;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO server on top of netty-socketio, with the settings this project depends on (no
 * per-message compression, random session ids, manual acks, Node's heartbeat defaults) and the
 * HTTP routes on the same port. The game server and the conformance server both run on this.
 *
 * <p>netty-socketio's namespaces, listeners, rooms, broadcasts and acks are used as they are; its
 * Engine.IO/Socket.IO wire handling is replaced by {@code io.skirmish.transport.engine}, which speaks the
 * protocol as the reference server does (see that package for what was measured wrong).
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);
    static final String SOCKET_IO_PATH = "/socket.io";
    /** A connection with no traffic either way this long is closed (WebSockets have the heartbeat). */
    static final int IDLE_SECONDS = 120;

    private final EngineServer server;
    private final ConnectionLimits limits;
    private final PacketGuard guard;
    private final OriginPolicy origins;
    private int port = -1;
    private final EngineChannelInitializer pipeline;

    /**
     * @param setup registers the namespaces and listeners (called before the server starts)
     */
    public SocketServer(NetConfig cfg, Ticker ticker, NetMetrics metrics, Set<String> knownEvents, HttpRoutes routes,
                        Consumer<SocketIOServer> setup) {
        this(cfg, EngineSettings.of(cfg.pingIntervalMs(), cfg.pingTimeoutMs(), cfg.maxPayload()), ticker, metrics,
                knownEvents, routes, setup);
    }

    /**
     * @param engine Engine.IO settings (its heartbeat and max payload are used, not {@code cfg}'s)
     * @param knownEvents the event names some listener handles (others are counted as unknown)
     * @param setup registers the namespaces and listeners (called before the server starts)
     */
    public SocketServer(NetConfig cfg, EngineSettings engine, Ticker ticker, NetMetrics metrics, Set<String> knownEvents,
                        HttpRoutes routes, Consumer<SocketIOServer> setup) {
        Configuration c = new Configuration();
        c.setHostname(cfg.host());
        c.setPort(cfg.port());
        c.setContext(SOCKET_IO_PATH);
        // Measured here: per-message deflate cost 4x the CPU for small, frequent snapshots.
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        // With false, a client can choose its session id and take over another player's session. (The
        // engine never takes a session id from a request anyway; SessionTakeoverIT checks both.)
        c.setRandomSession(true);
        c.setAckMode(AckMode.MANUAL);
        c.setPingInterval(engine.pingIntervalMs());
        c.setPingTimeout(engine.pingTimeoutMs());
        c.setMaxFramePayloadLength(engine.maxPayload());
        c.setMaxHttpContentLength(engine.maxPayload());
        // Keeps nulls, decodes binary for every listener, refuses trailing garbage (see EngineJson).
        c.setJsonSupport(new EngineJson());
        c.setBossThreads(1);
        c.setWorkerThreads(cfg.workerThreads());
        c.setExceptionListener(new QuietExceptions(metrics));
        SocketConfig sc = new SocketConfig();
        sc.setReuseAddress(true);
        sc.setTcpNoDelay(true);
        c.setSocketConfig(sc);
        server = new EngineServer(c);
        limits = new ConnectionLimits(cfg.maxConnections(), cfg.maxConnectionsPerAddress());
        origins = new OriginPolicy(cfg.allowedOrigins());
        HttpHandler http = new HttpHandler(SOCKET_IO_PATH, routes, new StaticFiles(cfg.staticDir()), cfg.metricsAccess(),
                origins);
        HandshakeGate gate = new HandshakeGate(origins, limits, cfg.limits(), metrics);
        guard = new PacketGuard(ticker, cfg.events(), knownEvents, new PacketGuard.Listener() {
            @Override
            public void limited(UUID session, EventBudget.Verdict verdict) {
                metrics.rateLimited(verdict.name().toLowerCase(Locale.ROOT));
                if (verdict == EventBudget.Verdict.THROTTLE) {
                    SocketIOClient c = server.getClient(session);
                    if (c != null) {
                        c.sendEvent(Events.SERVER_ERROR, new RawValue(
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
        EngineChannelInitializer pipelineFactory = new EngineChannelInitializer(engine) {
            @Override
            protected void addSocketioHandlers(ChannelPipeline pipeline) {
                super.addSocketioHandlers(pipeline);
                RequestDeadline deadline = new RequestDeadline(requestTimeoutMs, metrics);
                pipeline.addFirst("skirmishIdleState", new IdleStateHandler(0, 0, IDLE_SECONDS));
                pipeline.addFirst("skirmishDeadline", deadline.front());
                pipeline.addFirst("skirmishTcpLimit", tcpLimit);
                pipeline.addAfter(HTTP_ENCODER, "skirmishStrictHttp", strictHttp);
                pipeline.addBefore(PACKET_HANDLER, "skirmishRequestDone", deadline.back());
                pipeline.addBefore(PACKET_HANDLER, "skirmishIdle", idle);
                pipeline.addBefore(PACKET_HANDLER, "skirmishHttp", http);
                pipeline.addBefore(PACKET_HANDLER, "skirmishGuard", guard);
            }
        };
        pipelineFactory.setSessionGate(gate);
        pipelineFactory.onProtocolViolation(() -> metrics.rejected("transport", "malformed"));
        server.setPipelineFactory(pipelineFactory);
        this.pipeline = pipelineFactory;
        server.addConnectListener(client -> limits.opened(address(client)));
        server.addDisconnectListener(client -> {
            limits.closed(address(client));
            guard.forget(client.getSessionId());
        });
        setup.accept(server);
    }

    static String address(SocketIOClient client) {
        return client.getRemoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(client.getRemoteAddress());
    }

    /** Binds and starts; returns the bound port (useful with port 0). */
    public int start() {
        ChannelFuture bind = (ChannelFuture) server.startAsync().syncUninterruptibly();
        if (!bind.isSuccess()) {
            throw new IllegalStateException("could not bind", bind.cause());
        }
        port = ((InetSocketAddress) bind.channel().localAddress()).getPort();
        return port;
    }

    /** Which browser origins may connect; a cluster adds its nodes' origins. */
    public OriginPolicy origins() {
        return origins;
    }

    public int port() {
        return port;
    }

    /**
     * Puts every handler a connection to this server gets onto {@code ch}, a channel that did not
     * come from the port (the HTTP entry fuzz test feeds an {@code EmbeddedChannel}). Start first.
     */
    public void initChannel(io.netty.channel.Channel ch) {
        pipeline.initialize(ch);
    }

    public SocketIOServer socketIo() {
        return server;
    }

    /** The inbound message budget of a session, or null when it has none (yet). Any thread. */
    public EventBudget eventBudget(UUID session) {
        return guard.budget(session);
    }

    /** Live Engine.IO sessions, whether or not connected to a namespace. */
    public int sessions() {
        return server.sessions();
    }

    /** Stops fast: tells every client, closes every connection, then the I/O threads (see EngineServer). */
    @Override
    public void close() {
        server.stop();
    }

    /**
     * netty-socketio logs client mistakes as errors with stack traces and payloads; a hostile client
     * could flood the log that way. Log one line, without the payload.
     */
    private static final class QuietExceptions implements ExceptionListener {
        private final NetMetrics metrics;

        QuietExceptions(NetMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
            metrics.rejected("event", "handler_error");
            log.warn("event handler failed for client {}: {}", client.getSessionId(), e.toString());
        }

        @Override
        public void onDisconnectException(Exception e, SocketIOClient client) {
            log.debug("disconnect handler failed: {}", e.toString());
        }

        @Override
        public void onConnectException(Exception e, SocketIOClient client) {
            log.warn("connect handler failed: {}", e.toString());
        }

        @Override
        @Deprecated // required by the interface; netty-socketio no longer calls it
        public void onPingException(Exception e, SocketIOClient client) {
            log.debug("ping handler failed: {}", e.toString());
        }

        @Override
        public void onPongException(Exception e, SocketIOClient client) {
            log.debug("pong handler failed: {}", e.toString());
        }

        @Override
        public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
            metrics.rejected("transport", "malformed");
            log.debug("channel error from {}: {}", ctx.channel().remoteAddress(), e.toString());
            ctx.close();
            return true;
        }

        @Override
        public void onAuthException(Throwable e, SocketIOClient client) {
            log.warn("auth failed: {}", e.toString());
        }
    }
}
