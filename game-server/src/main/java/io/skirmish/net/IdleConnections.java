package io.skirmish.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * With an {@code IdleStateHandler} in front, closes a connection that sent nothing for its idle time
 * (a forgotten keep-alive connection; a WebSocket's client answers the heartbeat's pings). Slow or
 * half-sent requests are {@link RequestDeadline}'s. Sharable.
 */
@io.netty.channel.ChannelHandler.Sharable
final class IdleConnections extends ChannelDuplexHandler {
    private final NetMetrics metrics;

    IdleConnections(NetMetrics metrics) {
        this.metrics = metrics;
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
}
