package io.skirmish.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offers a request to {@link FullHttpRoutes} and writes their (possibly later) answer. */
final class FullRoutesResponder {
    private static final Logger log = LoggerFactory.getLogger(FullRoutesResponder.class);

    private FullRoutesResponder() {}

    /** True if the routes took the request (it is then released here, now or when answered). */
    static boolean offer(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder qs, Object routes) {
        if (!(routes instanceof FullHttpRoutes full)) {
            return false;
        }
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
        CompletableFuture<FullHttpRoutes.Reply> answer = full.handle(new FullHttpRoutes.Request(req.method().name(),
                qs.path(), qs.parameters(), headers, ByteBufUtil.getBytes(req.content()), address));
        if (answer == null) {
            return false;
        }
        boolean head = req.method() == HttpMethod.HEAD;
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        ReferenceCountUtil.release(req);
        answer.whenComplete((reply, err) -> {
            FullHttpRoutes.Reply r = reply;
            if (err != null || r == null) {
                log.warn("HTTP route failed: {}", String.valueOf(err));
                r = FullHttpRoutes.Reply.json(500, "{\"error\":\"internal error\"}");
            }
            write(ctx, r, head, keepAlive);
        });
        return true;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRoutes.Reply r, boolean head, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set("X-Content-Type-Options", "nosniff");
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
