package io.skirmish.transport.engine;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: answers 404 to requests nobody handled, drops stray messages, and turns
 * channel exceptions (malformed HTTP or WebSocket data, resets) into one DEBUG line and a close,
 * where netty-socketio and Netty logged them with stack traces.
 */
@ChannelHandler.Sharable
final class EngineTail extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EngineTail.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            ReferenceCountUtil.release(req);
            var f = ctx.writeAndFlush(EngineEncoder.response(HttpResponseStatus.NOT_FOUND, "not found\n",
                    "text/plain; charset=utf-8", keepAlive, null));
            if (!keepAlive) {
                f.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            }
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection {} dropped: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
