package io.skirmish.bots.harness;

import io.skirmish.bots.behaviour.Ship;
import io.skirmish.bots.behaviour.WorldView;
import io.skirmish.bots.net.CompactSnapshots;
import io.skirmish.bots.net.Messages;
import io.skirmish.bots.net.SnapshotReader;
import io.skirmish.bots.stats.RoleStats;
import io.skirmish.bots.stats.RoomStats;
import java.util.List;

/**
 * One bot's snapshots: decodes them (plain or compact), keeps the {@link WorldView} its behaviour
 * plays on, and measures them: the interval and its jitter, the age (once the clock is synced), and
 * the acks of its inputs, for the run and for its room.
 *
 * <p><b>Threading:</b> lane-confined, except {@link #view()}, which the ticker reads.
 */
final class SnapshotIntake {
    private final BotContext ctx;
    private final RoleStats stats;
    private final BotTally tally;
    private final ClockSync clockSync;
    private final InputAcks acks;
    /** Whose inputs are acked here: a player's room figures get them, a spectator's none. */
    private final boolean player;
    private final CompactSnapshots compact = new CompactSnapshots();
    private final IntervalTracker intervals = new IntervalTracker();
    private Messages.Game game;
    private long expectedIntervalNanos;
    private Integer playerId;
    private RoomStats.Room room;
    private volatile WorldView view;

    SnapshotIntake(BotContext ctx, RoleStats stats, BotTally tally, ClockSync clockSync, InputAcks acks,
                   boolean player) {
        this.ctx = ctx;
        this.stats = stats;
        this.tally = tally;
        this.clockSync = clockSync;
        this.acks = acks;
        this.player = player;
    }

    /** The world as of the last snapshot; null before the first join. Any thread. */
    WorldView view() {
        return view;
    }

    Messages.Game game() {
        return game;
    }

    /** The game's timing and map, from a join answer or a {@code game:info} (the host changed the map). */
    void useGame(Messages.Game g) {
        game = g;
        expectedIntervalNanos = Math.round(1e9 / g.snapshotRate());
    }

    /**
     * In a room (again): an empty world of its map, nothing pending, and the room's figures.
     *
     * @param id this bot's player id; null for a spectator
     * @param inRoom the room's figures; null to keep the ones held
     */
    void joined(Integer id, RoomStats.Room inRoom) {
        if (id != null) {
            playerId = id;
        }
        if (inRoom != null) {
            room = inRoom;
        }
        view = WorldView.empty(game.map().width(), game.map().height());
        reset();
    }

    /** After a gap that is not the server's pacing (a drop, a rejoin): nothing pending, intervals anew. */
    void reset() {
        acks.clear();
        intervals.reset();
    }

    /** A plain snapshot ({@code snapshot}). */
    void plain(String json, long receivedNanos) {
        take(SnapshotReader.read(json), receivedNanos);
    }

    /** A compact snapshot: decoded against the state held; a delta that does not apply waits for a keyframe. */
    void compact(String json, long receivedNanos) {
        Messages.Snapshot snap = compact.read(json);
        if (snap != null) {
            take(snap, receivedNanos);
        }
    }

    private void take(Messages.Snapshot snap, long receivedNanos) {
        tally.snapshot(receivedNanos, ctx.measuring);
        stats.snapshots.increment();
        Ship self = findSelf(snap.players());
        view = new WorldView(self, snap.players(), game.map().width(), game.map().height(), snap.it());
        long interval = intervals.next(receivedNanos);
        RoomStats.Room inRoom = player ? room : null;
        if (self != null) {
            acks.ackUpTo(self.seq(), receivedNanos, inRoom == null ? stats.inputAck::recordNanos : delay -> {
                stats.inputAck.recordNanos(delay);
                inRoom.inputAck().recordNanos(delay);
            });
        }
        if (interval >= 0) {
            stats.snapshotInterval.recordNanos(interval);
            stats.snapshotJitter.recordNanos(Math.abs(interval - expectedIntervalNanos));
        }
        if (clockSync.known()) {
            double ageMs = clockSync.toServerMs(ctx.clock.millisAt(receivedNanos)) - snap.time();
            long micros = Math.round(ageMs * 1000);
            stats.snapshotAge.recordMicros(micros);
            if (inRoom != null) {
                inRoom.snapshotAge().recordMicros(micros);
            }
        }
    }

    private Ship findSelf(List<Ship> ships) {
        if (playerId == null) {
            return null;
        }
        for (Ship s : ships) {
            if (s.id() == playerId) {
                return s;
            }
        }
        return null;
    }
}
