package io.skirmish.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that hold a socket without using it: one that has not sent a complete HTTP
 * request within {@code firstRequestMs} of connecting (a silent or half-sent connection), and, with
 * an {@code IdleStateHandler} in front, one with no traffic either way for its idle time (a
 * forgotten keep-alive connection; WebSockets are kept busy by the heartbeat). One instance per
 * connection.
 */
final class IdleConnections extends ChannelDuplexHandler {
    private final long firstRequestMs;
    private final NetMetrics metrics;
    private ScheduledFuture<?> firstRequest;

    IdleConnections(long firstRequestMs, NetMetrics metrics) {
        this.firstRequestMs = firstRequestMs;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        firstRequest = ctx.executor().schedule(() -> {
            metrics.rejected("transport", "idle");
            ctx.close();
        }, firstRequestMs, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (firstRequest != null && msg instanceof FullHttpRequest) {
            firstRequest.cancel(false);
            firstRequest = null;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            metrics.rejected("transport", "idle");
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (firstRequest != null) {
            firstRequest.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
