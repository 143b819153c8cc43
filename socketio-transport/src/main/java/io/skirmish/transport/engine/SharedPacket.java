package io.skirmish.transport.engine;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A volatile event that many clients receive, encoded once. A room hands every member the same
 * snapshot text (wrapped in a {@link RawValue} per member), so the packet built for the first member
 * is given to the next ones as well, and its wire form (the Engine.IO text, its UTF-8 bytes and any
 * attachments) is built at its first write and reused for every other; a poll answer takes the same
 * text. On an RFC 6455 WebSocket the whole frame is built once too ({@link WireFrame}), in one pooled
 * buffer, and every member's channel is written a retained duplicate of it. No JSON and no copy of
 * the payload is made per recipient. The packet never changes once built (no ack id; its namespace is
 * set here).
 *
 * <p>The frame buffer lives while the packet is held: by its thread's {@link Recent} packets until a
 * newer one replaces it, and by each outbox that takes it ({@link #hold}) until the packet is written or
 * dropped ({@link #done}); when the last holder is done the buffer is released (and built again,
 * should a member still take the packet afterwards).
 *
 * <p>Recognised by identity: the last few payload objects sent from a thread (a room's fan-out runs on
 * its game thread, one member after the other) are remembered with their packets ({@link Recent}); any
 * other payload, or one that is not a single {@code RawValue}, gets a packet of its own as before.
 */
final class SharedPacket extends Packet {
    /** Forms one fan-out may interleave: the full snapshot, a keyframe and a few deltas. */
    private static final int RECENT = 4;

    /** One packet on the wire: its text message and that text's UTF-8 bytes, then its binary messages. */
    record Wire(String text, byte[] utf8, List<byte[]> attachments) {
        static Wire of(PacketWriter.Encoded e) {
            return new Wire(e.text(), e.text().getBytes(StandardCharsets.UTF_8), e.attachments());
        }
    }

    private final Object payload;
    private volatile Wire wire;
    /** Outboxes holding this packet (guarded by this). */
    private int holders;
    /** The whole WebSocket frame while someone holds the packet, or null (guarded by this). */
    private ByteBuf frame;

    private SharedPacket(String nsp, String event, Object[] data, Object payload) {
        super(PacketType.MESSAGE, EngineIOVersion.V4);
        setSubType(PacketType.EVENT);
        setName(event);
        setData(Arrays.asList(data));
        setNsp(nsp);
        this.payload = payload;
    }

    /**
     * The packet of a volatile event: the one already built for the same payload object (among the
     * sending thread's {@code recent} ones), or a new one.
     */
    static Packet event(Recent recent, String nsp, String event, Object[] data) {
        if (data.length != 1 || !(data[0] instanceof RawValue raw)) {
            Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
            p.setSubType(PacketType.EVENT);
            p.setName(event);
            p.setData(Arrays.asList(data));
            p.setNsp(nsp);
            return p;
        }
        return recent.packet(nsp, event, data, raw.rawValue());
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

    /** An outbox took this packet. */
    synchronized void hold() {
        holders++;
    }

    /**
     * A retained duplicate of the packet's whole WebSocket frame (built at the first call while the
     * packet is held), for one member's channel, which releases it once written. Call while holding.
     */
    synchronized ByteBuf frame(Wire w, ByteBufAllocator alloc) {
        if (frame == null) {
            frame = WireFrame.text(alloc, w.utf8());
        }
        return frame.retainedDuplicate();
    }

    /** An outbox is done with this packet (written or dropped): the frame goes with the last holder. */
    synchronized void done() {
        if (holders > 0 && --holders == 0 && frame != null) {
            frame.release();
            frame = null;
        }
    }

    /** {@link #done()} when {@code p} is a shared packet. */
    static void done(Packet p) {
        if (p instanceof SharedPacket s) {
            s.done();
        }
    }

    /** An outbox took {@code p}: {@link #hold()} when it is a shared packet. */
    static void hold(Packet p) {
        if (p instanceof SharedPacket s) {
            s.hold();
        }
    }

    private boolean carries(String nsp, String event, Object raw) {
        return payload == raw && getNsp().equals(nsp) && getName().equals(event);
    }

    /**
     * The packets of the last payloads sent from one thread (one per thread and server, see
     * {@code Engine.recent()}). Each holds its packet ({@link #hold}) until a newer one takes its
     * place, so that a room's fan-out shares one frame however fast the first members' writes are;
     * {@link #clear} lets go of all (the server stops).
     */
    static final class Recent {
        private final SharedPacket[] packets = new SharedPacket[RECENT];
        private int next;

        synchronized SharedPacket packet(String nsp, String event, Object[] data, Object raw) {
            for (SharedPacket p : packets) {
                if (p != null && p.carries(nsp, event, raw)) {
                    return p;
                }
            }
            SharedPacket p = new SharedPacket(nsp, event, data, raw);
            p.hold();
            SharedPacket old = packets[next];
            packets[next] = p;
            next = (next + 1) % RECENT;
            if (old != null) {
                old.done();
            }
            return p;
        }

        synchronized void clear() {
            for (int i = 0; i < packets.length; i++) {
                if (packets[i] != null) {
                    packets[i].done();
                    packets[i] = null;
                }
            }
        }
    }
}
