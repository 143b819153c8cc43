package io.skirmish.transport;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.UUID;

/**
 * Hands every inbound Engine.IO payload (netty-socketio's {@code PacketsMessage}, which the engine
 * fires down the pipeline) to the host's {@link InboundGuard}; a refused payload goes no further.
 */
final class GuardHandler extends ChannelInboundHandlerAdapter {
    private final InboundGuard guard;

    GuardHandler(InboundGuard guard) {
        this.guard = guard;
    }

    @Override
    public boolean isSharable() {
        return true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof PacketsMessage pm)) {
            ctx.fireChannelRead(msg);
            return;
        }
        // The transport releases the payload itself after this call, whether it went on or not.
        if (guard.admit(new Payload(pm, ctx))) {
            ctx.fireChannelRead(msg);
        }
    }

    private record Payload(PacketsMessage message, ChannelHandlerContext ctx) implements InboundGuard.Inbound {
        @Override
        public UUID session() {
            return message.getClient().getSessionId();
        }

        @Override
        public ByteBuf content() {
            return message.getContent();
        }

        @Override
        public void cut() {
            ClientHead client = message.getClient();
            client.disconnect();
            // A flooding client may not read the disconnect packet any time soon: cut the connection too.
            ctx.channel().close();
        }
    }
}
