package io.skirmish.transport.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One decoded Socket.IO v5 packet (https://github.com/socketio/socket.io-protocol). Binary
 * attachments are already put back in place of their placeholders, as binary JSON nodes.
 *
 * @param nsp the namespace as on the wire: {@code "/"} for the main namespace
 * @param id the ack id, or null
 * @param data the JSON payload as a tree, or null when there is none or it is in {@code args}
 * @param args an {@code EVENT}'s payload (the event name first) as the plain values Jackson's untyped
 *     deserializer makes ({@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Number},
 *     {@code Boolean}, {@code null}), read straight from the text with no tree; null for other types
 */
record SioPacket(Type type, String nsp, Long id, JsonNode data, List<Object> args) {

    SioPacket(Type type, String nsp, Long id, JsonNode data) {
        this(type, nsp, id, data, null);
    }

    /** Socket.IO v5 packet types. */
    enum Type {
        CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

        boolean binary() {
            return this == BINARY_EVENT || this == BINARY_ACK;
        }

        boolean event() {
            return this == EVENT || this == BINARY_EVENT;
        }

        boolean ack() {
            return this == ACK || this == BINARY_ACK;
        }
    }
}
