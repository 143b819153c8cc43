package io.skirmish.transport.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * A whole WebSocket text frame (RFC 6455: FIN, opcode 1, no mask, the length in 1, 3 or 9 bytes) around
 * a packet's UTF-8 bytes, so that a snapshot goes to every member of a room as the same bytes: each
 * member's channel is written a {@code retainedDuplicate()} of the one buffer, which passes Netty's
 * WebSocket encoder untouched (it encodes {@code WebSocketFrame}s only). Netty's encoder otherwise
 * copies header and payload into a new buffer for every recipient.
 *
 * <p>Only on channels whose handshake chose RFC 6455 framing (versions 7, 8 and 13; see {@link #mark}),
 * never on a Hixie-76 (version 0) WebSocket, whose framing differs.
 */
final class WireFrame {
    /** Set on a WebSocket channel once its handshake is done: whether its frames are RFC 6455's. */
    static final AttributeKey<Boolean> RFC6455 = AttributeKey.valueOf("skirmish.engine.rfc6455");

    private WireFrame() {}

    static void mark(Channel ch, boolean rfc6455) {
        ch.attr(RFC6455).set(rfc6455);
    }

    static boolean rfc6455(Channel ch) {
        return Boolean.TRUE.equals(ch.attr(RFC6455).get());
    }

    /** The text frame holding {@code utf8}, in a buffer of {@code alloc} (the caller releases it). */
    static ByteBuf text(ByteBufAllocator alloc, byte[] utf8) {
        int n = utf8.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        ByteBuf f = alloc.directBuffer(header + n);
        f.writeByte(0x81);
        if (n < 126) {
            f.writeByte(n);
        } else if (n <= 0xFFFF) {
            f.writeByte(126);
            f.writeShort(n);
        } else {
            f.writeByte(127);
            f.writeLong(n);
        }
        f.writeBytes(utf8);
        return f;
    }
}
