package io.skirmish.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read deadline on every HTTP request of a connection, not only its first: the whole request
 * (headers and body) must have arrived {@code timeoutMs} after its first byte (the first request:
 * after the connection opened), else the connection is closed. An idle timer that restarts on every
 * byte does not stop a client trickling a request at one byte a second; this does. Once the
 * connection is a WebSocket (no HTTP decoder left) it steps aside: the heartbeat watches it then.
 *
 * <p>Two handlers share one deadline: {@link #front()} goes before the HTTP decoder and arms it when
 * bytes arrive while no request is in progress; {@link #back()} goes after the aggregator and
 * disarms it when a whole request came through. One instance per connection.
 */
final class RequestDeadline {
    private final long timeoutMs;
    private final NetMetrics metrics;
    private ScheduledFuture<?> deadline;
    private ChannelHandlerContext ctx;

    RequestDeadline(long timeoutMs, NetMetrics metrics) {
        this.timeoutMs = timeoutMs;
        this.metrics = metrics;
    }

    ChannelDuplexHandler front() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelActive(ChannelHandlerContext c) {
                ctx = c;
                arm();
                c.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                if (msg instanceof ByteBuf) {
                    if (c.pipeline().get(HttpRequestDecoder.class) == null) {
                        disarm(); // a WebSocket now
                        c.pipeline().remove(this);
                    } else if (deadline == null) {
                        arm();
                    }
                }
                c.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext c) {
                disarm();
                c.fireChannelInactive();
            }
        };
    }

    ChannelInboundHandlerAdapter back() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                if (msg instanceof FullHttpRequest) {
                    disarm();
                }
                c.fireChannelRead(msg);
            }
        };
    }

    private void arm() {
        ChannelHandlerContext c = ctx;
        if (c == null) return;
        deadline = c.executor().schedule(() -> {
            deadline = null;
            metrics.limitHit("request_timeout");
            metrics.rejected("transport", "idle");
            c.close();
        }, timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
