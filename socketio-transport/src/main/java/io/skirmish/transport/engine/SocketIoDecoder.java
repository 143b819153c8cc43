package io.skirmish.transport.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the Socket.IO v5 packets of one session, strictly, as the reference parser
 * ({@code socket.io-parser}) does: anything it would reject is a {@link ProtocolViolation}, which
 * closes the connection. Stateful (a binary packet waits for its attachments): one per session,
 * used on the session's thread only.
 *
 * <p>Format: {@code <type>[<attachments>-][<nsp>,][<ack id>][<JSON>]}.
 */
final class SocketIoDecoder {
    /** The packet types by number (one array, not a copy per packet as {@code values()} makes). */
    private static final SioPacket.Type[] SIO_TYPES = SioPacket.Type.values();

    /** Event names a client may not send (the reference server refuses them too). */
    static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");
    static final int MAX_ATTACHMENTS = 64;
    static final int MAX_NAMESPACE_LENGTH = 256;
    private static final int MAX_ID_DIGITS = 15;

    private final ObjectMapper mapper;
    private final ObjectReader untyped;
    private SioPacket reconstructing;
    private int expected;
    private List<byte[]> buffers;

    SocketIoDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.untyped = mapper.readerFor(Object.class);
    }

    /** A text message; returns the packet, or null when it waits for binary attachments. */
    SioPacket text(String s) throws ProtocolViolation {
        if (reconstructing != null) {
            throw new ProtocolViolation("text packet while waiting for binary attachments");
        }
        int n = s.length();
        if (n == 0) {
            throw new ProtocolViolation("empty Socket.IO packet");
        }
        int t = s.charAt(0) - '0';
        if (t < 0 || t >= SIO_TYPES.length) {
            throw new ProtocolViolation("unknown Socket.IO packet type");
        }
        SioPacket.Type type = SIO_TYPES[t];
        int i = 1;
        int attachments = 0;
        if (type.binary()) {
            int start = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == start || i >= n || s.charAt(i) != '-' || i - start > 3) {
                throw new ProtocolViolation("illegal attachments");
            }
            attachments = Integer.parseInt(s, start, i, 10);
            if (attachments > MAX_ATTACHMENTS) {
                throw new ProtocolViolation("too many attachments");
            }
            i++;
        }
        String nsp = "/";
        if (i < n && s.charAt(i) == '/') {
            int start = i;
            while (i < n && s.charAt(i) != ',') i++;
            nsp = s.substring(start, i);
            if (nsp.length() > MAX_NAMESPACE_LENGTH) {
                throw new ProtocolViolation("namespace too long");
            }
            if (i < n) i++; // the ','
        }
        Long id = null;
        if (i < n && isDigit(s.charAt(i))) {
            int start = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i - start > MAX_ID_DIGITS) {
                throw new ProtocolViolation("ack id too long");
            }
            id = Long.parseLong(s, start, i, 10);
        }
        JsonNode data = null;
        List<Object> args = null;
        if (i < n) {
            try {
                if (type == SioPacket.Type.EVENT) {
                    // Every input of every player: read straight into the plain values listeners take.
                    Object value = untyped.readValue(s.substring(i));
                    if (!(value instanceof List<?>)) {
                        throw new ProtocolViolation("invalid payload for packet type " + type);
                    }
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) value;
                    args = list;
                } else {
                    data = mapper.readTree(s.substring(i));
                }
            } catch (JacksonException e) {
                throw new ProtocolViolation("invalid JSON payload");
            }
        }
        if (args != null ? !validEvent(args) : !valid(type, data)) {
            throw new ProtocolViolation("invalid payload for packet type " + type);
        }
        SioPacket p = new SioPacket(type, nsp, id, data, args);
        if (type.binary() && attachments > 0) {
            reconstructing = p;
            expected = attachments;
            buffers = new ArrayList<>(attachments);
            return null;
        }
        return p;
    }

    /** A binary message: the next attachment of the packet being reconstructed. */
    SioPacket binary(byte[] data) throws ProtocolViolation {
        if (reconstructing == null) {
            throw new ProtocolViolation("binary packet without a pending binary event or ack");
        }
        buffers.add(data);
        if (buffers.size() < expected) {
            return null;
        }
        SioPacket p = reconstructing;
        List<byte[]> b = buffers;
        reconstructing = null;
        buffers = null;
        return new SioPacket(p.type(), p.nsp(), p.id(), reconstruct(p.data(), b));
    }

    /** Whether a binary packet still waits for attachments. */
    boolean reconstructing() {
        return reconstructing != null;
    }

    /** An {@code EVENT}'s plain payload: a name (a string other than the reserved ones, or a number) first. */
    static boolean validEvent(List<Object> args) {
        return !args.isEmpty() && (args.get(0) instanceof Number
                || args.get(0) instanceof String name && !RESERVED_EVENTS.contains(name));
    }

    static boolean valid(SioPacket.Type type, JsonNode data) {
        return switch (type) {
            case CONNECT -> data == null || data.isObject();
            case DISCONNECT -> data == null;
            case CONNECT_ERROR -> data != null && (data.isTextual() || data.isObject());
            case EVENT, BINARY_EVENT -> data != null && data.isArray() && !data.isEmpty()
                    && (data.get(0).isNumber() || data.get(0).isTextual()
                    && !RESERVED_EVENTS.contains(data.get(0).textValue()));
            case ACK, BINARY_ACK -> data != null && data.isArray();
        };
    }

    /** Puts each attachment in place of its {@code {"_placeholder":true,"num":n}}. */
    private static JsonNode reconstruct(JsonNode node, List<byte[]> buffers) throws ProtocolViolation {
        if (node instanceof ObjectNode o) {
            JsonNode ph = o.get("_placeholder");
            if (ph != null && ph.isBoolean() && ph.booleanValue()) {
                JsonNode num = o.get("num");
                if (num == null || !num.isInt() || num.intValue() < 0 || num.intValue() >= buffers.size()) {
                    throw new ProtocolViolation("illegal attachment placeholder");
                }
                return BinaryNode.valueOf(buffers.get(num.intValue()));
            }
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(reconstruct(e.getValue(), buffers));
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                a.set(k, reconstruct(a.get(k), buffers));
            }
        }
        return node;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
