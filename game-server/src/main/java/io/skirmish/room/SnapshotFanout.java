package io.skirmish.room;

import io.skirmish.loop.OverloadMonitor;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.Events;
import io.skirmish.snapshot.CompactSnapshot;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.SnapshotChain;
import io.skirmish.snapshot.SnapshotText;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a room's snapshots: encoded once per snapshot tick, written to every player, and to
 * spectators after the spectator delay. Clients that asked for compact snapshots (protocol version 2)
 * get the {@code s} event, a delta or keyframe from the room's {@link SnapshotChain}; the others the
 * full JSON {@code snapshot}. Each form is encoded only when someone receives it. Owns the snapshot rate, including the overload policy's
 * first step (a room that keeps overrunning its tick budget sends fewer snapshots).
 *
 * <p>Game thread only, except {@link #divisor()}, which any thread may read.
 */
final class SnapshotFanout {
    private static final Logger log = LoggerFactory.getLogger(SnapshotFanout.class);
    static final int MAX_DIVISOR = 4;

    /** A snapshot waiting for the spectators: its JSON form (null if no one took it) and compact form (or null). */
    private record Delayed(long tick, RawJson snapshot, CompactSnapshot compact) {}

    private final String roomId;
    private final RoomConfig cfg;
    private final Ticker ticker;
    private final RoomMetrics metrics;
    private final OverloadMonitor overload;
    private final ArrayDeque<Delayed> spectatorBuffer = new ArrayDeque<>();
    private final SnapshotChain chain = new SnapshotChain();
    private final SnapshotChain.Receivers<Connection> playerChain = new SnapshotChain.Receivers<>();
    private final SnapshotChain.Receivers<Connection> spectatorChain;
    private final long delayTicks;
    private double debt;
    /** The last compact payload handed out, wrapped: members holding the same base share one wrapper. */
    private String lastCompact;
    private RawJson lastCompactJson;
    private volatile int divisor = 1;

    SnapshotFanout(String roomId, RoomConfig cfg, Ticker ticker, RoomMetrics metrics) {
        this.roomId = roomId;
        this.cfg = cfg;
        this.ticker = ticker;
        this.metrics = metrics;
        this.delayTicks = cfg.spectatorDelay().toMillis() * cfg.tickRate() / 1000;
        this.spectatorChain = new SnapshotChain.Receivers<>(cfg.spectatorDelay().toMillis());
        // A room taking more than half the tick period is overrunning; a second of that is overload.
        this.overload = new OverloadMonitor(1_000_000_000L / cfg.tickRate() / 2, cfg.tickRate(), 5 * cfg.tickRate());
    }

    /** How much the snapshot rate is currently divided by because of overload (1 = full rate). */
    int divisor() {
        return divisor;
    }

    /**
     * Sends a snapshot if one is due this tick. {@code encode} is called at most once, only when
     * someone will receive the JSON form; {@code frame} (null for a game without a compact form) at
     * most once, only when someone will receive the compact form.
     */
    void maybeSend(long tick, Collection<Seat> seats, List<Membership> spectators, Supplier<RawJson> encode,
                   Supplier<Frame> frame) {
        debt += (double) cfg.snapshotRate() / cfg.tickRate() / divisor;
        if (debt < 1) {
            return;
        }
        debt -= 1;
        if (seats.isEmpty() && spectators.isEmpty()) {
            return;
        }
        boolean anyJson = false;
        boolean anyCompact = false;
        for (Seat s : seats) {
            Connection c = s.conn;
            if (c == null) continue;
            if (frame != null && c.compactSnapshots()) anyCompact = true;
            else anyJson = true;
        }
        boolean spectatorsJson = false;
        boolean spectatorsCompact = false;
        for (Membership m : spectators) {
            if (frame != null && m.connection().compactSnapshots()) spectatorsCompact = true;
            else spectatorsJson = true;
        }
        long begin = ticker.nanoTime();
        RawJson snap = anyJson || spectatorsJson ? encode.get() : null;
        long jsonNanos = ticker.nanoTime() - begin;
        // The compact chain must see every snapshot someone compact may hold a base of: build it
        // whenever a compact player or spectator is in the room.
        CompactSnapshot compact = anyCompact || spectatorsCompact ? chain.append(frame.get()) : null;
        for (Seat s : seats) {
            Connection c = s.conn;
            if (c == null) continue;
            boolean ok;
            if (anyCompact && c.compactSnapshots()) {
                ok = c.sendVolatile(SnapshotText.EVENT, compactPayload(playerChain.payloadFor(c, compact)));
                playerChain.sent(c, compact, ok);
            } else {
                ok = c.sendVolatile(Events.SNAPSHOT, snap);
            }
            if (!ok) {
                metrics.snapshotSkipped();
            }
        }
        playerChain.endSnapshot();
        // Encode cost: the JSON form and the compact forms (a keyframe encoded for a late or slow player
        // included; one encoded later for the spectators is not).
        long compactNanos = compact == null ? 0 : compact.encodeNanos();
        int bytes = snap != null ? snap.bytes() : compact != null ? compact.bytes() : 0;
        metrics.snapshotEncoded(bytes, jsonNanos + compactNanos);
        sendToSpectators(tick, spectators, snap, spectatorsCompact ? compact : null);
    }

    private void sendToSpectators(long tick, List<Membership> spectators, RawJson snap, CompactSnapshot compact) {
        if (spectators.isEmpty()) {
            spectatorBuffer.clear();
            return;
        }
        Delayed due = new Delayed(tick, snap, compact);
        if (delayTicks > 0) {
            spectatorBuffer.addLast(due);
            due = null;
            while (!spectatorBuffer.isEmpty() && spectatorBuffer.peekFirst().tick() <= tick - delayTicks) {
                due = spectatorBuffer.pollFirst();
            }
        }
        if (due == null) {
            return;
        }
        RawJson json = due.snapshot() == null ? null : withDelay(due.snapshot());
        for (Membership m : spectators) {
            Connection c = m.connection();
            boolean ok;
            if (due.compact() != null && c.compactSnapshots()) {
                ok = c.sendVolatile(SnapshotText.EVENT, compactPayload(spectatorChain.payloadFor(c, due.compact())));
                spectatorChain.sent(c, due.compact(), ok);
            } else if (json != null) {
                ok = c.sendVolatile(Events.SNAPSHOT, json);
            } else {
                continue; // joined after this snapshot was taken, in a form it does not read: the next one
            }
            if (!ok) {
                metrics.snapshotSkipped();
            }
        }
        spectatorChain.endSnapshot();
    }

    /**
     * {@code payload} (one of the snapshot's cached forms) as a {@link RawJson}, the same object for the
     * same form as the member before, so that a fan-out makes one wrapper per form, not per member.
     */
    private RawJson compactPayload(String payload) {
        if (payload != lastCompact) {
            lastCompact = payload;
            lastCompactJson = new RawJson(payload);
        }
        return lastCompactJson;
    }

    /** A spectator's copy says how far behind it is: {@code delayMs} first, then the snapshot's fields. */
    private RawJson withDelay(RawJson snap) {
        String json = snap.json();
        if (!json.startsWith("{")) return snap;
        return new RawJson("{\"delayMs\":" + cfg.spectatorDelay().toMillis() + (json.length() > 2 ? "," : "")
                + json.substring(1));
    }

    /** Overload policy step 1: called after each tick with how long it took. */
    void tickTook(long tick, long tookNanos) {
        switch (overload.record(tookNanos)) {
            case ENTERED, STILL_OVER -> {
                if (divisor < MAX_DIVISOR) {
                    divisor *= 2;
                    metrics.roomOverloaded();
                    log.warn("room overloaded room={} tick={} tickMicros={}; snapshot rate now {} Hz", roomId, tick,
                            tookNanos / 1000, (double) cfg.snapshotRate() / divisor);
                }
            }
            case LEFT -> {
                divisor = 1;
                log.info("room recovered room={} tick={}; snapshot rate back to {} Hz", roomId, tick,
                        cfg.snapshotRate());
            }
            default -> { }
        }
    }
}
