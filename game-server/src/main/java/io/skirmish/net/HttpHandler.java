package io.skirmish.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Serves the HTTP routes and the static client on the Socket.IO port; everything under the
 * Socket.IO path passes through untouched. Installed just before netty-socketio's packet handler,
 * so that its responses go through the HTTP encoder.
 */
@ChannelHandler.Sharable
final class HttpHandler extends ChannelInboundHandlerAdapter {
    private final String socketIoPath;
    private final HttpRoutes routes;
    private final StaticFiles files;
    private final MetricsAccess metricsAccess;
    private final OriginPolicy origins;

    HttpHandler(String socketIoPath, HttpRoutes routes, StaticFiles files, MetricsAccess metricsAccess,
                OriginPolicy origins) {
        this.origins = origins;
        this.socketIoPath = socketIoPath;
        this.routes = routes;
        this.files = files;
        this.metricsAccess = metricsAccess;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        String path = qs.path();
        if (path.startsWith(socketIoPath)) {
            // Engine.IO decides which requests open a session; its SessionGate checks origin and caps there.
            ctx.fireChannelRead(msg);
            return;
        }
        if (FullRoutesResponder.offer(ctx, req, qs, routes)) {
            return; // the admin console's routes (see FullHttpRoutes)
        }
        try {
            if (path.equals(METRICS)) {
                HttpRoutes.Response refused = metricsRefusal(req);
                if (refused != null) {
                    respond(ctx, req, refused);
                    return;
                }
            }
            respond(ctx, req, route(req.method(), path, qs));
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    static final String METRICS = "/metrics";

    /**
     * The client page's policy: scripts, styles and connections only from this origin (Socket.IO
     * included: {@code 'self'} covers ws: and wss: to the same host), no inline script, no plugins,
     * no framing by anyone. Sent on every response of this handler (the page and everything else).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * {@link #CONTENT_SECURITY_POLICY}, where a cluster's page may also connect to the other nodes
     * (its room may move there): their origins, over HTTP and WebSocket, join {@code connect-src}.
     */
    static String contentSecurityPolicy(java.util.Collection<String> peerOrigins) {
        if (peerOrigins.isEmpty()) return CONTENT_SECURITY_POLICY;
        StringBuilder sources = new StringBuilder("connect-src 'self'");
        for (String o : peerOrigins) {
            if (!o.matches("https?://[a-z0-9.\\-\\[\\]:]+")) continue; // an origin, nothing that could end the directive
            sources.append(' ').append(o).append(' ').append(o.replaceFirst("^http", "ws"));
        }
        return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", sources);
    }

    /** {@code /metrics} on the game port: 404 when it is served elsewhere, 401 without the token when one is set. */
    private HttpRoutes.Response metricsRefusal(FullHttpRequest req) {
        if (metricsAccess.separate()) {
            return HttpRoutes.Response.text(404, "text/plain; charset=utf-8", "not found\n");
        }
        if (!metricsAccess.authorizes(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return new HttpRoutes.Response(401, "text/plain; charset=utf-8",
                    "unauthorized\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return null;
    }

    private HttpRoutes.Response route(HttpMethod method, String path, QueryStringDecoder qs) {
        HttpRoutes.Response r = routes.handle(method.name(), path, qs.parameters());
        if (r != null) {
            return r;
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            StaticFiles.File f = files.get(path);
            if (f != null) {
                return new HttpRoutes.Response(200, f.contentType(), f.body());
            }
        }
        return HttpRoutes.Response.text(404, "text/plain; charset=utf-8", "not found\n");
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpRoutes.Response r) {
        boolean head = req.method() == HttpMethod.HEAD;
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        res.headers().set("X-Content-Type-Options", "nosniff");
        res.headers().set("Content-Security-Policy", contentSecurityPolicy(origins.peers()));
        res.headers().set("X-Frame-Options", "DENY");
        res.headers().set("Referrer-Policy", "no-referrer");
        if (r.status() == 401) {
            res.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
