package io.skirmish.transport.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 framing (https://github.com/socketio/engine.io-protocol). Over WebSocket one frame is
 * one packet, a binary frame being a binary message with no prefix. Over HTTP long-polling packets
 * are joined with the record separator 0x1e and a binary message is {@code b} + base64.
 */
final class EngineIoCodec {
    static final byte SEPARATOR = 0x1e;
    /** Polling POSTs with more packets than this are refused (a cheap bound; the body is bounded too). */
    static final int MAX_PACKETS_PER_PAYLOAD = 1_000;

    /** The packet types by number (one array, not a copy per packet as {@code values()} makes). */
    private static final EioPacket.Type[] EIO_TYPES = EioPacket.Type.values();

    private EngineIoCodec() {}

    /** One text packet, from a WebSocket text frame or a polling payload. */
    static EioPacket decodeText(String s) throws ProtocolViolation {
        if (s.isEmpty()) {
            throw new ProtocolViolation("empty packet");
        }
        int t = s.charAt(0) - '0';
        if (t < 0 || t >= EIO_TYPES.length) {
            throw new ProtocolViolation("unknown Engine.IO packet type");
        }
        return new EioPacket(EIO_TYPES[t], s.substring(1), null);
    }

    /** The body of a polling POST. */
    static List<EioPacket> decodePayload(ByteBuf body) throws ProtocolViolation {
        List<EioPacket> out = new ArrayList<>();
        int from = body.readerIndex();
        int end = body.writerIndex();
        while (true) {
            int sep = body.indexOf(from, end, SEPARATOR);
            int to = sep < 0 ? end : sep;
            out.add(decodeSegment(body, from, to - from));
            if (out.size() > MAX_PACKETS_PER_PAYLOAD) {
                throw new ProtocolViolation("too many packets in one payload");
            }
            if (sep < 0) {
                return out;
            }
            from = sep + 1;
        }
    }

    private static EioPacket decodeSegment(ByteBuf body, int index, int length) throws ProtocolViolation {
        if (length == 0) {
            throw new ProtocolViolation("empty packet");
        }
        if (body.getByte(index) == 'b') {
            return EioPacket.binary(base64(body.toString(index + 1, length - 1, StandardCharsets.US_ASCII)));
        }
        return decodeText(utf8(body, index, length));
    }

    /**
     * Base64 as the reference server reads it (Node's {@code Buffer.from(s, "base64")}): line breaks and
     * spaces ignored, padding optional, the URL-safe alphabet accepted. The Java client
     * ({@code io.socket}) wraps its base64 at 76 characters.
     */
    static byte[] base64(String s) throws ProtocolViolation {
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r', '\n', ' ', '\t' -> { }
                case '-' -> clean.append('+');
                case '_' -> clean.append('/');
                default -> clean.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("bad base64 in binary packet");
        }
    }

    /** Strict UTF-8: a body that is not UTF-8 is a protocol error, not a string of replacement characters. */
    /** The text of {@code length} bytes at {@code index}, which must be well-formed UTF-8. */
    static String utf8(ByteBuf bytes, int index, int length) throws ProtocolViolation {
        // Checked in place, then decoded by Netty's per-thread decoder: the string is the only allocation.
        if (!ByteBufUtil.isText(bytes, index, length, StandardCharsets.UTF_8)) {
            throw new ProtocolViolation("payload is not UTF-8");
        }
        return bytes.toString(index, length, StandardCharsets.UTF_8);
    }

    /** Appends one binary message to a polling payload. */
    static void appendBinary(StringBuilder payload, byte[] data) {
        payload.append('b').append(Base64.getEncoder().encodeToString(data));
    }
}
