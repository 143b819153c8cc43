package io.skirmish.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP as RFC 9112 asks a server to read it, between the decoder and the aggregator: a request the
 * decoder could not read (headers too large or too many, a bad request line, bad chunks) and a
 * request framed two ways ({@code Content-Length} with {@code Transfer-Encoding}, several or
 * unknown transfer codings: the way requests are smuggled past a proxy) get {@code 400} and the
 * connection is closed, so nothing after them on the connection is read. Counted as
 * {@code skirmish_limit_hits_total{limit="bad_http"|"http_smuggling"}}.
 */
@ChannelHandler.Sharable
final class StrictHttp extends ChannelInboundHandlerAdapter {
    private final NetMetrics metrics;

    StrictHttp(NetMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject o)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (ctx.channel().attr(REFUSED).get() != null) {
            ReferenceCountUtil.release(msg); // the rest of a refused request: never read
            return;
        }
        String refusal = null;
        if (o.decoderResult().isFailure()) {
            refusal = "bad_http";
        } else if (o instanceof HttpRequest req && ambiguousFraming(req.headers())) {
            refusal = "http_smuggling";
        }
        if (refusal == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (ctx.channel().attr(REFUSED).setIfAbsent(Boolean.TRUE) != null) {
            return; // already answered; the decoder may report more of the same bad message
        }
        metrics.limitHit(refusal);
        ctx.channel().config().setAutoRead(false);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.copiedBuffer("bad request\n", StandardCharsets.US_ASCII));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    private static final io.netty.util.AttributeKey<Boolean> REFUSED = io.netty.util.AttributeKey.valueOf("skirmish.badHttp");

    /** Both lengths, more than one length, or a transfer coding other than exactly one {@code chunked}. */
    static boolean ambiguousFraming(HttpHeaders h) {
        List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        List<String> cl = h.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!te.isEmpty() && !cl.isEmpty()) {
            return true;
        }
        if (cl.size() > 1) {
            return true;
        }
        if (te.size() > 1) {
            return true;
        }
        return te.size() == 1 && !te.get(0).trim().equalsIgnoreCase("chunked");
    }
}
