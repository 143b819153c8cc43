package io.skirmish.transport.engine;

import io.skirmish.transport.SessionGate;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP request to the Engine.IO path: validates it as the reference server does (answering
 * {@code 400 {"code","message"}} where netty-socketio answered 200 or 500), opens sessions, serves
 * polling GETs and POSTs, and upgrades to WebSocket. Replaces netty-socketio's
 * {@code AuthorizeHandler}, {@code PollingTransport} and the HTTP half of {@code WebSocketTransport}.
 */
@ChannelHandler.Sharable
final class EngineHttpHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EngineHttpHandler.class);

    private final Engine engine;
    private final String path;
    private final String webSocketHandlerName;

    /**
     * @param path the Engine.IO path, e.g. {@code /socket.io}
     * @param webSocketHandlerName the frame handler, before which the frame aggregator goes
     */
    EngineHttpHandler(Engine engine, String path, String webSocketHandlerName) {
        this.engine = engine;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.webSocketHandlerName = webSocketHandlerName;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            handle(ctx, req);
        } finally {
            req.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        EngineSession s = ctx.channel().attr(EngineSession.SESSION).getAndSet(null);
        if (s != null) {
            s.onChannelClosed(ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
        Channel ch = ctx.channel();
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        if (!qs.path().equals(path) && !qs.path().equals(path + "/")) {
            ctx.fireChannelRead(req.retain());
            return;
        }
        if (req.decoderResult().isFailure()) {
            error(ctx, req, EngineError.BAD_REQUEST, true);
            return;
        }
        if (ch.attr(EngineSession.SESSION).get() != null) {
            // A request on a connection whose poll is still waiting (HTTP pipelining): not something a
            // client does; answering out of order would mix sessions up.
            log.debug("request on a connection with a poll waiting; closed");
            ch.close();
            return;
        }
        Map<String, List<String>> params = qs.parameters();
        HttpMethod method = req.method();
        if (method.equals(HttpMethod.OPTIONS) && engine.settings.corsOrigin() != null) {
            preflight(ctx, req);
            return;
        }
        String transportName = first(params, "transport");
        Transport transport = "polling".equals(transportName) ? Transport.POLLING
                : "websocket".equals(transportName) ? Transport.WEBSOCKET : null;
        boolean upgrade = HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
        if (transport == null) {
            error(ctx, req, EngineError.UNKNOWN_TRANSPORT, upgrade);
            return;
        }
        if (!"4".equals(first(params, "EIO"))) {
            error(ctx, req, EngineError.UNSUPPORTED_PROTOCOL_VERSION, upgrade);
            return;
        }
        String sid = first(params, "sid");
        if (sid == null || sid.isEmpty()) { // as the reference server: an empty sid is no sid
            if (!method.equals(HttpMethod.GET)) {
                error(ctx, req, EngineError.BAD_HANDSHAKE_METHOD, upgrade);
            } else if ((transport == Transport.WEBSOCKET) != upgrade) {
                error(ctx, req, EngineError.BAD_REQUEST, upgrade);
            } else {
                open(ctx, req, transport, params);
            }
            return;
        }
        EngineSession s = engine.find(sid);
        if (s == null) {
            error(ctx, req, EngineError.UNKNOWN_SID, upgrade);
        } else if (transport == Transport.WEBSOCKET) {
            if (!upgrade || !method.equals(HttpMethod.GET)) {
                error(ctx, req, EngineError.BAD_REQUEST, upgrade);
            } else {
                probe(ctx, req, s);
            }
        } else if (upgrade) {
            error(ctx, req, EngineError.BAD_REQUEST, true);
        } else if (method.equals(HttpMethod.GET)) {
            EngineError e = s.onPollRequest(ch, HttpUtil.isKeepAlive(req));
            if (e != null) {
                error(ctx, req, e, false);
            }
        } else if (method.equals(HttpMethod.POST)) {
            post(ctx, req, s);
        } else {
            error(ctx, req, EngineError.BAD_REQUEST, false);
        }
    }

    private void open(ChannelHandlerContext ctx, FullHttpRequest req, Transport transport,
                      Map<String, List<String>> params) {
        Channel ch = ctx.channel();
        SessionGate.Admission admission = engine.gate.admit(address(ch), req.headers().get(HttpHeaderNames.ORIGIN),
                req.headers().get(HttpHeaderNames.HOST));
        if (admission.refusal() != null) {
            refuse(ctx, req, admission.refusal(), transport == Transport.WEBSOCKET);
            return;
        }
        HandshakeData data = engine.handshake(ch, req, params);
        AuthorizationResult auth = engine.authorize(data);
        if (auth == null) {
            admission.release().run();
            error(ctx, req, EngineError.FORBIDDEN, transport == Transport.WEBSOCKET);
            return;
        }
        if (transport == Transport.POLLING) {
            EngineSession s = engine.open(ch, data, Transport.POLLING, params, auth);
            s.admitted(admission.release());
            respond(ctx, req, HttpResponseStatus.OK, s.openPacket(), EngineEncoder.TEXT);
            s.start();
            return;
        }
        WebSocketServerHandshaker handshaker = handshaker(req);
        if (handshaker == null) {
            admission.release().run();
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ch);
            return;
        }
        EngineSession s = engine.open(ch, data, Transport.WEBSOCKET, params, auth);
        s.admitted(admission.release());
        handshaker.handshake(ch, req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess() || !ch.isActive()) {
                s.close(CloseReason.TRANSPORT_CLOSE);
                ch.close();
                return;
            }
            addAggregator(ch);
            WireFrame.mark(ch, handshaker.version() != WebSocketVersion.V00);
            ch.writeAndFlush(new TextWebSocketFrame(s.openPacket()));
            s.attachWebSocket(ch);
            s.start();
        });
    }

    /** A WebSocket for an existing (polling) session: the upgrade probe. */
    private void probe(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession s) {
        Channel ch = ctx.channel();
        WebSocketServerHandshaker handshaker = handshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ch);
            return;
        }
        boolean accepted = s.acceptProbe(ch);
        handshaker.handshake(ch, req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ch.close();
                return;
            }
            addAggregator(ch);
            WireFrame.mark(ch, handshaker.version() != WebSocketVersion.V00);
            if (!accepted) {
                // As the reference server: a second WebSocket for a session that is upgrading or upgraded
                // is closed. netty-socketio made it the session's transport, taking the session over.
                log.debug("session {}: WebSocket refused, the session is not polling", s.sid());
                ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    private void post(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession s) {
        EngineError e = s.beginDataRequest();
        if (e != null) {
            error(ctx, req, e, false);
            return;
        }
        try {
            // From the pipeline's head, as netty-socketio's transports do: handlers before the packet
            // handler see every inbound payload.
            ctx.pipeline().fireChannelRead(new EnginePayload(s, req.content(), Transport.POLLING, false));
        } finally {
            s.endDataRequest();
        }
        respond(ctx, req, HttpResponseStatus.OK, "ok", "text/html");
    }

    private WebSocketServerHandshaker handshaker(FullHttpRequest req) {
        String url = "ws://" + req.headers().get(HttpHeaderNames.HOST) + req.uri();
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(engine.settings.maxPayload())
                .allowExtensions(false)
                .build();
        return new WebSocketServerHandshakerFactory(url, null, config).newHandshaker(req);
    }

    private void addAggregator(Channel ch) {
        if (ch.pipeline().get(webSocketHandlerName) != null) {
            ch.pipeline().addBefore(webSocketHandlerName, "engineWsAggregator",
                    new WebSocketFrameAggregator(engine.settings.maxPayload()));
        }
    }

    private void preflight(ChannelHandlerContext ctx, FullHttpRequest req) {
        FullHttpResponse res = EngineEncoder.response(HttpResponseStatus.NO_CONTENT, "", EngineEncoder.TEXT,
                HttpUtil.isKeepAlive(req), engine.settings.corsOrigin());
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST");
        String headers = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers != null ? headers : "content-type");
        write(ctx, res, HttpUtil.isKeepAlive(req));
    }

    private void error(ChannelHandlerContext ctx, FullHttpRequest req, EngineError e, boolean close) {
        log.debug("refused {} {}: {}", req.method(), ctx.channel().remoteAddress(), e.message);
        boolean keepAlive = !close && HttpUtil.isKeepAlive(req);
        write(ctx, EngineEncoder.response(e.status(), e.json(), "application/json", keepAlive,
                engine.settings.corsOrigin()), keepAlive);
    }

    /** A handshake the gate refused: 403 with the Engine.IO error body, code 4 (Forbidden), and the gate's reason. */
    private void refuse(ChannelHandlerContext ctx, FullHttpRequest req, String reason, boolean close) {
        log.debug("refused handshake from {}: {}", ctx.channel().remoteAddress(), reason);
        boolean keepAlive = !close && HttpUtil.isKeepAlive(req);
        String body = "{\"code\":" + EngineError.FORBIDDEN.code + ",\"message\":\"" + jsonText(reason) + "\"}";
        write(ctx, EngineEncoder.response(HttpResponseStatus.FORBIDDEN, body, "application/json", keepAlive,
                engine.settings.corsOrigin()), keepAlive);
    }

    private static String jsonText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String address(Channel ch) {
        return ch.remoteAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ch.remoteAddress());
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String body,
                         String type) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        write(ctx, EngineEncoder.response(status, body, type, keepAlive, engine.settings.corsOrigin()), keepAlive);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
