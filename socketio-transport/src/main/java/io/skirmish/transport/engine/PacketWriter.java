package io.skirmish.transport.engine;

import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        sb.append((char) ('0' + code));
        if (!attachments.isEmpty()) {
            sb.append(attachments.size()).append('-');
        }
        String nsp = p.getNsp();
        if (!nsp.isEmpty() && !nsp.equals("/")) {
            sb.append(nsp).append(',');
        }
        if (p.getAckId() != null) {
            sb.append(p.getAckId());
        }
        return new Encoded(sb.append(body).toString(), attachments);
    }
}
