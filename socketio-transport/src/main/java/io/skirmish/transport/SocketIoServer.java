package io.skirmish.transport;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.skirmish.transport.engine.EngineChannelInitializer;
import io.skirmish.transport.engine.EngineJson;
import io.skirmish.transport.engine.EngineServer;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * A Socket.IO v5 server (Engine.IO v4, polling and WebSocket) on netty-socketio, with the settings
 * the protocol needs: no per-message compression, random session ids, manual acks, the heartbeat and
 * max payload of its {@link EngineSettings}, and the transport's own JSON (see the module's README).
 *
 * <pre>
 * SocketIoServer io = SocketIoServer.builder().host("127.0.0.1").port(0).settings(settings).build();
 * io.namespace().on("hello", (socket, args, ack) -> ack.send(args));
 * int port = io.start();
 * ...
 * io.close();
 * </pre>
 */
public final class SocketIoServer implements AutoCloseable {
    /** Where Engine.IO requests go. */
    public static final String PATH = "/socket.io";
    /** The HTTP response encoder: a handler added after it sees every response on its way out. */
    public static final String HTTP_ENCODER = EngineChannelInitializer.HTTP_ENCODER;
    /**
     * Where the engine's handlers begin: a handler added before it sees every HTTP request before the
     * engine does (HTTP routes on the same port), and every inbound Engine.IO payload.
     */
    public static final String ENGINE = EngineChannelInitializer.PACKET_HANDLER;
    /** The last handler: answers 404 to requests nobody handled and closes on channel errors. */
    public static final String TAIL = EngineChannelInitializer.ENGINE_TAIL;

    private final EngineServer server;
    private final EngineChannelInitializer engine;
    private final Namespace main;
    private int port = -1;

    private SocketIoServer(Builder b) {
        Configuration c = new Configuration();
        c.setHostname(b.host);
        c.setPort(b.port);
        c.setContext(PATH);
        // Measured here: per-message deflate cost 4x the CPU for small, frequent snapshots.
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        // With false, a client could choose its session id and take over another player's session (the
        // engine never takes a session id from a request anyway; SessionTakeoverIT checks both).
        c.setRandomSession(true);
        c.setAckMode(AckMode.MANUAL);
        c.setPingInterval(b.settings.pingIntervalMs());
        c.setPingTimeout(b.settings.pingTimeoutMs());
        c.setMaxFramePayloadLength(b.settings.maxPayload());
        c.setMaxHttpContentLength(b.settings.maxPayload());
        // Keeps nulls, decodes binary for every listener, refuses trailing garbage (see EngineJson).
        c.setJsonSupport(new EngineJson());
        c.setBossThreads(1);
        c.setWorkerThreads(b.workerThreads);
        c.setExceptionListener(new ListenerErrors(b.errors));
        SocketConfig sc = new SocketConfig();
        sc.setReuseAddress(true);
        sc.setTcpNoDelay(true);
        c.setSocketConfig(sc);
        PipelineCustomizer customizer = b.pipeline;
        InboundGuard guard = b.guard;
        engine = new EngineChannelInitializer(b.settings) {
            @Override
            protected void addSocketioHandlers(ChannelPipeline pipeline) {
                super.addSocketioHandlers(pipeline);
                customizer.customize(pipeline);
                if (guard != null) {
                    pipeline.addBefore(PACKET_HANDLER, "transportGuard", new GuardHandler(guard));
                }
            }
        };
        engine.setSessionGate(b.gate);
        engine.onProtocolViolation(b.violations);
        server = new EngineServer(c, engine);
        main = new Namespace(server.getNamespace(""), engine);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The main namespace ({@code /}). */
    public Namespace namespace() {
        return main;
    }

    /** A namespace by name ({@code "/custom"}), created when it does not exist yet. */
    public Namespace namespace(String name) {
        if (name.isEmpty() || name.equals("/")) {
            return main;
        }
        var ns = server.getNamespace(name);
        return new Namespace(ns != null ? ns : server.addNamespace(name), engine);
    }

    /** The socket of a session on the main namespace, or null when it is not connected there. */
    public Socket socket(UUID session) {
        SocketIOClient c = server.getClient(session);
        return c == null ? null : new Socket(c, engine);
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

    /** The bound port, or -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Live Engine.IO sessions, whether or not connected to a namespace. */
    public int sessions() {
        return server.sessions();
    }

    /**
     * Puts every handler a connection gets onto {@code ch}, a channel that did not come from the port
     * (a test's {@code EmbeddedChannel}). Start first.
     */
    public void initChannel(Channel ch) {
        engine.initialize(ch);
    }

    /** Stops fast: tells every client, closes every connection, then the I/O threads. */
    @Override
    public void close() {
        server.stop();
    }

    /** How the server is set up; every setting has a default but {@link #settings}'s heartbeat. */
    public static final class Builder {
        private String host;
        private int port;
        private EngineSettings settings = EngineSettings.of(25_000, 20_000, 1_000_000);
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private SessionGate gate = SessionGate.OPEN;
        private Runnable violations = () -> { };
        private EventErrors errors = EventErrors.NONE;
        private PipelineCustomizer pipeline = p -> { };
        private InboundGuard guard;

        private Builder() {}

        /** The address to bind; null (the default) binds every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The wire's timeouts and bounds (default: Node's 25 s / 20 s heartbeat, 1 MB payloads). */
        public Builder settings(EngineSettings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        /** I/O threads (default: one per core, at least 2); 0 lets Netty choose (twice the cores). */
        public Builder workerThreads(int threads) {
            this.workerThreads = threads;
            return this;
        }

        /** Decides on every request that would open a session (default: admit all). */
        public Builder sessionGate(SessionGate gate) {
            this.gate = Objects.requireNonNull(gate);
            return this;
        }

        /** Runs for every client that breaks the protocol (bad JSON, junk, invalid packets), for counting. */
        public Builder onProtocolViolation(Runnable hook) {
            this.violations = Objects.requireNonNull(hook);
            return this;
        }

        /** Told when a listener throws. */
        public Builder eventErrors(EventErrors errors) {
            this.errors = Objects.requireNonNull(errors);
            return this;
        }

        /** Adds the host's handlers to every connection (see {@link PipelineCustomizer}). */
        public Builder pipeline(PipelineCustomizer customizer) {
            this.pipeline = Objects.requireNonNull(customizer);
            return this;
        }

        /** Sees every inbound payload before it is decoded; placed right before {@link #ENGINE}. */
        public Builder inboundGuard(InboundGuard guard) {
            this.guard = guard;
            return this;
        }

        public SocketIoServer build() {
            return new SocketIoServer(this);
        }
    }
}
