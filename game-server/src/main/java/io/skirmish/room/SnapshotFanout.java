package io.skirmish.room;

import io.skirmish.loop.OverloadMonitor;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.Events;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a room's snapshots: encoded once per snapshot tick, written to every player, and to
 * spectators after the spectator delay. Owns the snapshot rate, including the overload policy's
 * first step (a room that keeps overrunning its tick budget sends fewer snapshots).
 *
 * <p>Game thread only, except {@link #divisor()}, which any thread may read.
 */
final class SnapshotFanout {
    private static final Logger log = LoggerFactory.getLogger(SnapshotFanout.class);
    static final int MAX_DIVISOR = 4;

    private record Delayed(long tick, RawJson snapshot) {}

    private final String roomId;
    private final RoomConfig cfg;
    private final Ticker ticker;
    private final RoomMetrics metrics;
    private final OverloadMonitor overload;
    private final ArrayDeque<Delayed> spectatorBuffer = new ArrayDeque<>();
    private final long delayTicks;
    private double debt;
    private volatile int divisor = 1;

    SnapshotFanout(String roomId, RoomConfig cfg, Ticker ticker, RoomMetrics metrics) {
        this.roomId = roomId;
        this.cfg = cfg;
        this.ticker = ticker;
        this.metrics = metrics;
        this.delayTicks = cfg.spectatorDelay().toMillis() * cfg.tickRate() / 1000;
        // A room taking more than half the tick period is overrunning; a second of that is overload.
        this.overload = new OverloadMonitor(1_000_000_000L / cfg.tickRate() / 2, cfg.tickRate(), 5 * cfg.tickRate());
    }

    /** How much the snapshot rate is currently divided by because of overload (1 = full rate). */
    int divisor() {
        return divisor;
    }

    /**
     * Sends a snapshot if one is due this tick. {@code encode} is called at most once, only when
     * someone will receive it.
     */
    void maybeSend(long tick, Collection<Seat> seats, List<Membership> spectators, Supplier<RawJson> encode) {
        debt += (double) cfg.snapshotRate() / cfg.tickRate() / divisor;
        if (debt < 1) {
            return;
        }
        debt -= 1;
        if (seats.isEmpty() && spectators.isEmpty()) {
            return;
        }
        long begin = ticker.nanoTime();
        RawJson snap = encode.get();
        metrics.snapshotEncoded(snap.bytes(), ticker.nanoTime() - begin);
        for (Seat s : seats) {
            Connection c = s.conn;
            if (c != null && !c.sendVolatile(Events.SNAPSHOT, snap)) {
                metrics.snapshotSkipped();
            }
        }
        sendToSpectators(tick, spectators, snap);
    }

    private void sendToSpectators(long tick, List<Membership> spectators, RawJson snap) {
        if (spectators.isEmpty()) {
            spectatorBuffer.clear();
            return;
        }
        RawJson due = snap;
        if (delayTicks > 0) {
            spectatorBuffer.addLast(new Delayed(tick, snap));
            due = null;
            while (!spectatorBuffer.isEmpty() && spectatorBuffer.peekFirst().tick() <= tick - delayTicks) {
                due = withDelay(spectatorBuffer.pollFirst().snapshot());
            }
        }
        if (due != null) {
            for (Membership m : spectators) {
                if (!m.connection().sendVolatile(Events.SNAPSHOT, due)) {
                    metrics.snapshotSkipped();
                }
            }
        }
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
