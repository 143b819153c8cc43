package io.skirmish.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * Caps open TCP connections per client address, at accept: the first handler of every connection,
 * it closes one over the cap in {@code channelActive}, before a byte is read or parsed. Counted as
 * {@code skirmish_limit_hits_total{limit="tcp_per_address"}}; {@code skirmish_tcp_connections} is
 * the number open.
 */
@ChannelHandler.Sharable
final class TcpLimit extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<String> COUNTED = AttributeKey.valueOf("skirmish.tcpAddress");
    private final AddressCounter open;
    private final NetMetrics metrics;

    TcpLimit(int maxPerAddress, NetMetrics metrics) {
        this.open = new AddressCounter(Integer.MAX_VALUE, maxPerAddress);
        this.metrics = metrics;
        metrics.gauge("skirmish_tcp_connections", "Open TCP connections on the game port", open::total);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
        if (open.tryAcquire(address) != null) {
            metrics.limitHit("tcp_per_address");
            ctx.channel().config().setAutoRead(false);
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(address);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        String address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            open.release(address);
            ctx.fireChannelInactive();
        }
    }

    int open() {
        return open.total();
    }
}
