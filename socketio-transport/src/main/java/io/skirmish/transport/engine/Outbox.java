package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import com.corundumstudio.socketio.protocol.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packets waiting for one client, one queue for both transports, counted so that it stays
 * bounded: filled from any thread, drained by the encoder on the transport channel's thread.
 */
final class Outbox {
    /**
     * Snapshots one poll answer carries at most: 0.8 s at 30 Hz, so that a poll round trip of a few
     * hundred ms (a busy client or proxy) loses none, inside the queue's bound of
     * {@link EngineSettings#maxQueuedPackets()} (32) with room for the room's events. Beyond it the room
     * sees the snapshot as skipped (a compact client then gets a keyframe next), so what waits for a
     * polling client stays bounded. (It was 10: at 500 polling clients with a ~350 ms poll round trip
     * that dropped a fifth of the snapshots; see bench/polling-peer.sh.)
     */
    static final int MAX_POLL_VOLATILE = 24;

    private final EngineSettings settings;
    private final Queue<Packet> packets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /**
     * Over polling, how many volatile packets of each key wait for the next poll (guarded by this). A
     * poll answer carries them all, in order; past {@link #MAX_POLL_VOLATILE} more are refused.
     */
    private final Map<String, Integer> pollVolatile = new HashMap<>();

    Outbox(EngineSettings settings) {
        this.settings = settings;
    }

    void add(Packet p) {
        SharedPacket.hold(p);
        packets.add(p);
        size.incrementAndGet();
    }

    /** The next packet, or null; a shared one's taker calls {@link SharedPacket#done(Packet)} after it. */
    Packet next() {
        Packet p = packets.poll();
        if (p != null) {
            size.decrementAndGet();
        }
        return p;
    }

    /** Every packet waiting, in order. */
    List<Packet> drain() {
        List<Packet> batch = new ArrayList<>();
        for (Packet p; (p = next()) != null; ) {
            batch.add(p);
        }
        return batch;
    }

    /** Drops every packet waiting (a shared one is done with here). */
    void clear() {
        for (Packet p; (p = next()) != null; ) {
            SharedPacket.done(p);
        }
    }

    int size() {
        return size.get();
    }

    /** Too many packets wait for one the client may miss. */
    boolean full() {
        return size.get() >= settings.maxQueuedPackets();
    }

    /** More packets wait than the hard bound allows: the client is not reading. */
    boolean overBacklog() {
        return size.get() > settings.maxBacklogPackets();
    }

    /** Makes room for one more volatile packet of {@code key} in the next poll answer, if there is room. */
    synchronized boolean reservePollVolatile(String key) {
        int waiting = pollVolatile.getOrDefault(key, 0);
        if (waiting >= MAX_POLL_VOLATILE || full()) {
            return false;
        }
        pollVolatile.put(key, waiting + 1);
        return true;
    }

    /** A poll answer took what waited (or the session left polling): the volatile counts start again. */
    synchronized void pollAnswered() {
        pollVolatile.clear();
    }

    /** The queue itself, for netty-socketio's {@code ClientHead.getPacketsQueue}. */
    Queue<Packet> queue() {
        return packets;
    }
}
