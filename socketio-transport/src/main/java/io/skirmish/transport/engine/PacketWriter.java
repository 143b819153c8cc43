package io.skirmish.transport.engine;

import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the packets a session sends as Engine.IO v4 text plus binary attachments. Replaces
 * netty-socketio's {@code PacketEncoder}, which (measured) put an extra 0x04 byte in front of every
 * attachment (an Engine.IO v3 habit), framed attachments over polling in a way clients reject, and
 * wrote the binary type into the shared packet object. Packets are not modified here: one packet
 * object is shared by every recipient of a broadcast.
 */
final class PacketWriter {
    /** One packet on the wire: a text message and the binary messages that follow it. */
    record Encoded(String text, List<byte[]> attachments) {}

    private final EngineJson json;

    PacketWriter(EngineJson json) {
        this.json = json;
    }

    Encoded encode(Packet p) throws JsonProcessingException {
        PacketType type = p.getType();
        return switch (type) {
            case PING, NOOP, CLOSE, UPGRADE -> new Encoded(String.valueOf((char) ('0' + type.getValue())), List.of());
            case PONG -> new Encoded(p.getData() == null ? "3" : "3" + p.getData(), List.of());
            case OPEN -> new Encoded("0" + json.write(p.getData(), new ArrayList<>()), List.of());
            case MESSAGE -> message(p);
            default -> throw new IllegalArgumentException("not a packet type: " + type);
        };
    }

    private Encoded message(Packet p) throws JsonProcessingException {
        PacketType sub = p.getSubType();
        if (sub == PacketType.EVENT || sub == PacketType.BINARY_EVENT) {
            Encoded raw = rawEvent(p);
            if (raw != null) {
                return raw;
            }
        }
        StringBuilder sb = new StringBuilder(64).append('4');
        List<byte[]> attachments = new ArrayList<>(0);
        String body = "";
        int code;
        switch (sub) {
            case CONNECT, ERROR -> {
                code = sub.getValue();
                if (p.getData() != null) {
                    body = json.write(p.getData(), attachments);
                }
            }
            case DISCONNECT -> code = sub.getValue();
            case EVENT, BINARY_EVENT -> {
                List<Object> values = new ArrayList<>();
                values.add(p.getName());
                List<Object> args = p.getData();
                if (args != null) {
                    values.addAll(args);
                }
                body = json.write(values, attachments);
                code = attachments.isEmpty() ? PacketType.EVENT.getValue() : PacketType.BINARY_EVENT.getValue();
            }
            case ACK, BINARY_ACK -> {
                List<Object> args = p.getData();
                body = json.write(args == null ? List.of() : args, attachments);
                code = attachments.isEmpty() ? PacketType.ACK.getValue() : PacketType.BINARY_ACK.getValue();
            }
            default -> throw new IllegalArgumentException("not a Socket.IO packet type: " + sub);
        }
        header(sb, code, attachments.size(), p);
        return new Encoded(sb.append(body).toString(), attachments);
    }

    /**
     * An event whose arguments are all JSON text given as is (a room's snapshot, {@code Json} on the
     * API): the packet is written around the texts directly, without a pass of the JSON library (which
     * would make a serializer provider, a generator and a text buffer per packet). The same characters
     * as that pass: the name quoted by Jackson's own string encoder, no spaces. Null for any other event.
     */
    private static Encoded rawEvent(Packet p) {
        List<Object> args = p.getData();
        String name = p.getName();
        if (args == null || name == null) {
            return null;
        }
        for (Object a : args) {
            if (!(a instanceof RawValue r) || !(r.rawValue() instanceof String)) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder(64).append('4');
        header(sb, PacketType.EVENT.getValue(), 0, p);
        sb.append("[\"");
        JsonStringEncoder.getInstance().quoteAsString(name, sb);
        sb.append('"');
        for (Object a : args) {
            sb.append(',').append((String) ((RawValue) a).rawValue());
        }
        return new Encoded(sb.append(']').toString(), List.of());
    }

    /** The Socket.IO packet's header after the Engine.IO type: its type, attachment count, namespace and ack id. */
    private static void header(StringBuilder sb, int code, int attachments, Packet p) {
        sb.append((char) ('0' + code));
        if (attachments > 0) {
            sb.append(attachments).append('-');
        }
        String nsp = p.getNsp();
        if (!nsp.isEmpty() && !nsp.equals("/")) {
            sb.append(nsp).append(',');
        }
        if (p.getAckId() != null) {
            sb.append(p.getAckId());
        }
    }
}
