package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;
import io.skirmish.transport.SessionGate;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.HashedWheelTimeoutScheduler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.function.Function;

/**
 * The Socket.IO pipeline of every connection: netty-socketio's handler names and message types, with
 * its Engine.IO/Socket.IO handlers replaced by this package's (see {@link EngineSession} for what
 * was measured wrong with them). Namespaces, listeners, rooms, broadcasts, acks and the
 * {@code SocketIOServer} API stay netty-socketio's. Subclasses can override
 * {@link #addSocketioHandlers} and add handlers relative to these names; a handler placed before
 * {@link #PACKET_HANDLER} sees every inbound Engine.IO payload as a {@code PacketsMessage}.
 *
 * <p>A plain Netty initializer, not a subclass of netty-socketio's {@code SocketIOChannelInitializer}:
 * that one creates netty-socketio's own transports when started, and a timer in a private field
 * that nothing public stops. This one owns the ack timer and stops it.
 *
 * <pre>
 * httpDecoder, httpEncoder, httpAggregator, packetHandler, engineHttp, webSocketTransport, socketioEncoder, engineTail
 * </pre>
 */
public class EngineChannelInitializer extends ChannelInitializer<Channel> {
    public static final String HTTP_REQUEST_DECODER = "httpDecoder";
    public static final String HTTP_ENCODER = "httpEncoder";
    public static final String HTTP_AGGREGATOR = "httpAggregator";
    /** Decodes Engine.IO framing; a handler before it sees every inbound payload (a {@code PacketsMessage}). */
    public static final String PACKET_HANDLER = "packetHandler";
    public static final String WEB_SOCKET_TRANSPORT = "webSocketTransport";
    public static final String SOCKETIO_ENCODER = "socketioEncoder";
    /** Handles HTTP requests to the Engine.IO path: handshakes, polling, upgrades. */
    public static final String ENGINE_HTTP = "engineHttp";
    /** The last handler: unhandled requests and channel errors. */
    public static final String ENGINE_TAIL = "engineTail";

    private final EngineSettings settings;
    /** Ack timeouts (netty-socketio's scheduler, run on each channel's executor). */
    private final CancelableScheduler scheduler = new HashedWheelTimeoutScheduler();
    private final ChannelGroup channels = new DefaultChannelGroup("skirmish-connections", GlobalEventExecutor.INSTANCE);
    private volatile Engine engine;
    private volatile Runnable violations = () -> { };
    private volatile SessionGate gate = SessionGate.OPEN;
    private Configuration configuration;
    private EngineHttpHandler http;
    private EnginePacketHandler packets;
    private EngineWebSocketHandler frames;
    private EngineEncoder encoder;
    private EngineTail tail;

    public EngineChannelInitializer(EngineSettings settings) {
        this.settings = settings;
    }

    /** Builds the shared handlers; {@code namespaces} finds a namespace by name ({@code ""} for the main one). */
    public void start(Configuration configuration, Function<String, Namespace> namespaces) {
        JsonSupport json = configuration.getJsonSupport();
        if (!(json instanceof EngineJson engineJson)) {
            throw new IllegalStateException("the configuration must use EngineJson (Configuration.setJsonSupport)");
        }
        this.configuration = configuration;
        engine = new Engine(settings, configuration, engineJson, scheduler, namespaces);
        engine.violations = violations;
        engine.gate = gate;
        http = new EngineHttpHandler(engine, configuration.getContext(), WEB_SOCKET_TRANSPORT);
        packets = new EnginePacketHandler();
        frames = new EngineWebSocketHandler();
        encoder = new EngineEncoder(engine);
        tail = new EngineTail();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        scheduler.update(ctx); // as netty-socketio: ack timeouts run on a channel's executor
    }

    @Override
    protected void initChannel(Channel ch) {
        channels.add(ch);
        addSocketioHandlers(ch.pipeline());
    }

    /** The transport's handlers; an override calls this first, then adds its own relative to their names. */
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        pipeline.addLast(HTTP_REQUEST_DECODER, new FramingKeepingDecoder(configuration.getHttpDecoderConfig()));
        // The encoder before the aggregator, so that the aggregator's own answer (413 to a body over
        // maxPayload) is encoded; in netty-socketio's order the client got an empty reply.
        pipeline.addLast(HTTP_ENCODER, new HttpResponseEncoder());
        pipeline.addLast(HTTP_AGGREGATOR, new BodyLimit(engine, settings.maxPayload()));
        pipeline.addLast(PACKET_HANDLER, packets);
        pipeline.addLast(ENGINE_HTTP, http);
        pipeline.addLast(WEB_SOCKET_TRANSPORT, frames);
        pipeline.addLast(SOCKETIO_ENCODER, encoder);
        pipeline.addLast(ENGINE_TAIL, tail);
    }

    /**
     * Builds this pipeline on a channel that did not come from the server's port, such as a test's
     * {@code EmbeddedChannel}; the server must have been started.
     */
    public void initialize(Channel ch) {
        initChannel(ch);
    }

    /** Runs {@code hook} for every client that breaks the protocol (set before the server starts). */
    public void onProtocolViolation(Runnable hook) {
        this.violations = hook;
    }

    /** Decides on every request that would open a session (set before the server starts). */
    public void setSessionGate(SessionGate gate) {
        this.gate = gate;
        Engine e = engine;
        if (e != null) {
            e.gate = gate;
        }
    }

    /** Live Engine.IO sessions. */
    public int sessions() {
        Engine e = engine;
        return e == null ? 0 : e.size();
    }

    /**
     * What sends a volatile event to one session's socket on a namespace, resolved once (no lookup per
     * send), or null when there is no such socket (yet). It answers false once the socket is gone.
     */
    public java.util.function.BiPredicate<String, Object[]> volatileSender(java.util.UUID session, String namespace) {
        Engine e = engine;
        EngineNamespaceClient socket = e == null ? null : e.socket(session, namespace);
        return socket == null ? null : socket::sendVolatile;
    }

    /** The last heartbeat round trip of a session in milliseconds, or -1 when not (yet) known. Any thread. */
    public double roundTripMillis(java.util.UUID session, String namespace) {
        Engine e = engine;
        EngineNamespaceClient socket = e == null ? null : e.socket(session, namespace);
        return socket == null ? -1 : socket.roundTrip().lastMillis();
    }

    /**
     * Tells every client the server is going away (a close packet to waiting polls, a WebSocket close
     * frame), then closes every connection; waits at most {@code waitMs}.
     */
    public void closeAll(long waitMs) {
        Engine e = engine;
        if (e != null) {
            e.closeAll(CloseReason.SERVER_SHUTDOWN, waitMs);
        }
        channels.close().awaitUninterruptibly(waitMs);
    }

    /** Closes every connection, stops the ack timer and netty-socketio's store. */
    public void stop() {
        closeAll(500);
        scheduler.shutdown();
        if (configuration != null) {
            configuration.getStoreFactory().shutdown();
        }
    }

    /**
     * Netty's request decoder, except that a request with both {@code Transfer-Encoding: chunked} and
     * {@code Content-Length} keeps both headers (Netty drops the length and reads on), so that a
     * handler after it can refuse the request and close, as RFC 9112 section 6.1 asks.
     */
    static final class FramingKeepingDecoder extends HttpRequestDecoder {
        FramingKeepingDecoder(io.netty.handler.codec.http.HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(io.netty.handler.codec.http.HttpMessage message) {
            // keep both: the request is refused downstream
        }
    }
}
