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
import java.net.InetSocketAddress;

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
    private final OriginPolicy origins;
    private final ConnectionLimits limits;
    private final NetMetrics metrics;

    HttpHandler(String socketIoPath, HttpRoutes routes, StaticFiles files, OriginPolicy origins, ConnectionLimits limits,
                NetMetrics metrics) {
        this.socketIoPath = socketIoPath;
        this.routes = routes;
        this.files = files;
        this.origins = origins;
        this.limits = limits;
        this.metrics = metrics;
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
            String refusal = qs.parameters().containsKey("sid") ? null : handshakeRefusal(ctx, req);
            if (refusal == null) {
                ctx.fireChannelRead(msg);
            } else {
                try {
                    // Engine.IO's error body; code 4 is "Forbidden".
                    respond(ctx, req, HttpRoutes.Response.json(403,
                            "{\"code\":4,\"message\":\"" + refusal + "\"}"));
                } finally {
                    ReferenceCountUtil.release(req);
                }
            }
            return;
        }
        if (FullRoutesResponder.offer(ctx, req, qs, routes)) {
            return; // the admin console's routes (see FullHttpRoutes)
        }
        try {
            respond(ctx, req, route(req.method(), path, qs));
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    /** A new session (no sid yet) must come from an allowed origin and fit the connection caps. */
    private String handshakeRefusal(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!origins.allows(req.headers().get(HttpHeaderNames.ORIGIN), req.headers().get(HttpHeaderNames.HOST))) {
            metrics.handshakeRefused("origin");
            return "FORBIDDEN_ORIGIN: this origin may not connect";
        }
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
        String over = limits.refusal(address);
        if (over != null) {
            metrics.handshakeRefused("connection_limit");
            return "SERVER_FULL: " + over;
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

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpRoutes.Response r) {
        boolean head = req.method() == HttpMethod.HEAD;
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        res.headers().set("X-Content-Type-Options", "nosniff");
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
