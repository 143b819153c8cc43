package io.skirmish.transport.engine;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A volatile event that many clients receive, encoded once. A room hands every member the same
 * snapshot text (wrapped in a {@link RawValue} per member), so the packet built for the first member
 * is given to the next ones as well, and its wire form (the Engine.IO text, its UTF-8 bytes and any
 * attachments) is built at its first write and reused for every other: each member's WebSocket frame
 * wraps the same bytes, and a poll answer takes the same text. No JSON and no copy of the payload is
 * made per recipient. The packet never changes once built (no ack id; its namespace is set here).
 *
 * <p>Recognised by identity: the last few payload objects sent from a thread (a room's fan-out runs on
 * its game thread, one member after the other) are remembered with their packets; any other payload,
 * or one that is not a single {@code RawValue}, gets a packet of its own as before.
 */
final class SharedPacket extends Packet {
    /** Forms one fan-out may interleave: the full snapshot, a keyframe and a few deltas. */
    private static final int RECENT = 4;
    private static final ThreadLocal<Recent> RECENT_BY_THREAD = ThreadLocal.withInitial(Recent::new);

    /** One packet on the wire: its text message and that text's UTF-8 bytes, then its binary messages. */
    record Wire(String text, byte[] utf8, List<byte[]> attachments) {
        static Wire of(PacketWriter.Encoded e) {
            return new Wire(e.text(), e.text().getBytes(StandardCharsets.UTF_8), e.attachments());
        }
    }

    private final Object payload;
    private volatile Wire wire;

    private SharedPacket(String nsp, String event, Object[] data, Object payload) {
        super(PacketType.MESSAGE, EngineIOVersion.V4);
        setSubType(PacketType.EVENT);
        setName(event);
        setData(Arrays.asList(data));
        setNsp(nsp);
        this.payload = payload;
    }

    /** The packet of a volatile event: the one already built for the same payload object, or a new one. */
    static Packet event(String nsp, String event, Object[] data) {
        if (data.length != 1 || !(data[0] instanceof RawValue raw)) {
            Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
            p.setSubType(PacketType.EVENT);
            p.setName(event);
            p.setData(Arrays.asList(data));
            p.setNsp(nsp);
            return p;
        }
        return RECENT_BY_THREAD.get().packet(nsp, event, data, raw.rawValue());
    }

    /** The wire form, built once (two threads may both build it: the same bytes, one kept). */
    Wire wire(PacketWriter writer) throws JsonProcessingException {
        Wire w = wire;
        if (w == null) {
            w = Wire.of(writer.encode(this));
            wire = w;
        }
        return w;
    }

    private boolean carries(String nsp, String event, Object raw) {
        return payload == raw && getNsp().equals(nsp) && getName().equals(event);
    }

    /** The packets of the last payloads sent from one thread. */
    private static final class Recent {
        private final SharedPacket[] packets = new SharedPacket[RECENT];
        private int next;

        SharedPacket packet(String nsp, String event, Object[] data, Object raw) {
            for (SharedPacket p : packets) {
                if (p != null && p.carries(nsp, event, raw)) {
                    return p;
                }
            }
            SharedPacket p = new SharedPacket(nsp, event, data, raw);
            packets[next] = p;
            next = (next + 1) % RECENT;
            return p;
        }
    }
}
