package io.skirmish.net;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.ExceptionListener;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.channel.ChannelFuture;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.Events;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import com.corundumstudio.socketio.SocketIOClient;
import java.net.InetSocketAddress;
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
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);
    static final String SOCKET_IO_PATH = "/socket.io";

    private final SocketIOServer server;
    private final ConnectionLimits limits;
    private final PacketGuard guard;
    private int port = -1;

    /**
     * @param knownEvents the event names some listener handles (others are counted as unknown)
     * @param setup registers the namespaces and listeners (called before the server starts)
     */
    public SocketServer(NetConfig cfg, Ticker ticker, NetMetrics metrics, Set<String> knownEvents, HttpRoutes routes,
                        Consumer<SocketIOServer> setup) {
        Configuration c = new Configuration();
        c.setHostname(cfg.host());
        c.setPort(cfg.port());
        c.setContext(SOCKET_IO_PATH);
        // Measured here: per-message deflate cost 4x the CPU for small, frequent snapshots.
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        // With false, a client can choose its session id and take over another player's session.
        c.setRandomSession(true);
        c.setAckMode(AckMode.MANUAL);
        c.setPingInterval(cfg.pingIntervalMs());
        c.setPingTimeout(cfg.pingTimeoutMs());
        c.setMaxFramePayloadLength(cfg.maxPayload());
        c.setMaxHttpContentLength(cfg.maxPayload());
        c.setBossThreads(1);
        c.setWorkerThreads(cfg.workerThreads());
        c.setExceptionListener(new QuietExceptions(metrics));
        SocketConfig sc = new SocketConfig();
        sc.setReuseAddress(true);
        sc.setTcpNoDelay(true);
        c.setSocketConfig(sc);
        server = new SocketIOServer(c);
        limits = new ConnectionLimits(cfg.maxConnections(), cfg.maxConnectionsPerAddress());
        HttpHandler http = new HttpHandler(SOCKET_IO_PATH, routes, new StaticFiles(cfg.staticDir()),
                new OriginPolicy(cfg.allowedOrigins()), limits, metrics);
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
        ChannelHandler errors = new LastResortErrors(metrics);
        server.setPipelineFactory(new SocketIOChannelInitializer() {
            @Override
            protected void addSocketioHandlers(ChannelPipeline pipeline) {
                super.addSocketioHandlers(pipeline);
                pipeline.addBefore(PACKET_HANDLER, "skirmishHttp", http);
                pipeline.addBefore(PACKET_HANDLER, "skirmishGuard", guard);
                pipeline.addLast("skirmishErrors", errors);
            }
        });
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

    public int port() {
        return port;
    }

    public SocketIOServer socketIo() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Errors no handler took (for example a WebSocket frame over the size limit, raised by the frame
     * aggregator) would reach the pipeline's tail, be logged with a stack trace and leave the
     * connection open. Count them and close the connection instead.
     */
    @ChannelHandler.Sharable
    private static final class LastResortErrors extends ChannelInboundHandlerAdapter {
        private final NetMetrics metrics;

        LastResortErrors(NetMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            metrics.rejected("transport", "malformed");
            log.debug("closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
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
        public void onPingException(Exception e, SocketIOClient client) {
            log.debug("ping handler failed: {}", e.toString());
        }

        @Override
        public void onPongException(Exception e, SocketIOClient client) {
            log.debug("pong handler failed: {}", e.toString());
        }

        @Override
        public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
            // Undecodable or oversized client data: count it, drop the connection, keep the log quiet.
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
