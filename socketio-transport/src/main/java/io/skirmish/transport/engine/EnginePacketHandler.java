package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.List;

/**
 * Decodes Engine.IO framing and hands the packets to their session (which decodes Socket.IO on its
 * own thread). Installed as netty-socketio's {@code PACKET_HANDLER}, in place of its
 * {@code InPacketHandler}, which logged every undecodable payload at ERROR with a stack trace and
 * kept the connection open after invalid packets.
 */
@ChannelHandler.Sharable
final class EnginePacketHandler extends SimpleChannelInboundHandler<PacketsMessage> {

    EnginePacketHandler() {
        super(PacketsMessage.class, false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, PacketsMessage msg) {
        if (!(msg.getClient() instanceof EngineSession s)) {
            return;
        }
        ByteBuf content = msg.getContent();
        List<EioPacket> packets;
        try {
            if (msg.getTransport() == Transport.POLLING) {
                packets = EngineIoCodec.decodePayload(content);
            } else if (msg instanceof EnginePayload p && p.binary()) {
                packets = List.of(EioPacket.binary(ByteBufUtil.getBytes(content)));
            } else {
                packets = List.of(EngineIoCodec.decodeText(EngineIoCodec.utf8(content, content.readerIndex(), content.readableBytes())));
            }
        } catch (ProtocolViolation v) {
            s.violation(v);
            return;
        }
        s.receive(ctx.channel(), packets);
    }
}
