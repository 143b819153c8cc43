package io.skirmish.room;

import io.skirmish.protocol.Request;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's place in one room (as a player or a spectator): what a network session holds
 * to route its requests. Methods are called on network threads; they validate and enqueue, and
 * the room's game thread does the work.
 */
public final class Membership {
    private final Room room;
    private final Seat seat;
    private final Connection conn;

    Membership(Room room, Seat seat, Connection conn) {
        this.room = room;
        this.seat = seat;
        this.conn = conn;
    }

    public Room room() {
        return room;
    }

    public boolean spectator() {
        return seat == null;
    }

    /** The player id, or 0 for a spectator. */
    public int playerId() {
        return seat == null ? 0 : seat.id;
    }

    /** False once the player left, was kicked, was replaced by a rejoin, or the room closed. */
    public boolean active() {
        return !room.isClosed() && (seat == null || (!seat.removed && seat.conn == conn));
    }

    /** True if both are the same player's seat in the same room. */
    public boolean sameSeat(Membership other) {
        return room == other.room && seat != null && seat == other.seat;
    }

    Seat seat() {
        return seat;
    }

    Connection connection() {
        return conn;
    }

    /**
     * Decodes one input with the room's current game and queues it for the next tick. Returns a
     * short reason when it is dropped ({@code null} when queued): a spectator or inactive seat, a seq
     * that does not increase, or a full queue (the oldest input gave way).
     *
     * @throws io.skirmish.protocol.ProtocolException {@code BAD_REQUEST} when the game refuses the fields
     */
    public String offerInput(Request.Input in) {
        if (seat == null) {
            return "spectator";
        }
        if (!active()) {
            return "not_in_room";
        }
        if (in.seq() <= seat.lastReceivedSeq) {
            return "stale_seq";
        }
        GameSlot<?> slot = room.slot();
        double arrived = room.arrivalTick();
        Seat.Queued queued = new Seat.Queued(in.seq(), slot, slot.decode(in.seq(), in.fields(), arrived), arrived);
        seat.lastReceivedSeq = in.seq();
        String dropped = null;
        while (!seat.inbox.offer(queued)) {
            // Full: the oldest input is the least useful one; drop it and count it.
            seat.inbox.poll();
            dropped = "queue_full";
        }
        return dropped;
    }

    public CompletableFuture<RawJson> leave() {
        return room.seatCommands().leave(this);
    }

    /** The connection dropped: keep the seat for the grace period. */
    public void disconnected() {
        room.seatCommands().disconnected(this);
    }

    public CompletableFuture<RawJson> ready(boolean ready) {
        return room.hostCommands().ready(this, ready);
    }

    /** Hashes a new password on the calling thread, never the game thread; see the overload to hash elsewhere. */
    public CompletableFuture<RawJson> settings(Request.SettingsPatch patch) {
        return settings(patch, RoomSettings.hashOf(patch));
    }

    /** A settings change whose new password (if any) is already hashed. */
    public CompletableFuture<RawJson> settings(Request.SettingsPatch patch, Passwords.Hash password) {
        return room.hostCommands().changeSettings(this, patch, password);
    }

    public CompletableFuture<RawJson> start() {
        return room.hostCommands().start(this);
    }

    public CompletableFuture<RawJson> kick(int playerId) {
        return room.hostCommands().kick(this, playerId);
    }

    public CompletableFuture<RawJson> lock(boolean locked) {
        return room.hostCommands().lock(this, locked);
    }

    public CompletableFuture<RawJson> transferHost(int playerId) {
        return room.hostCommands().transferHost(this, playerId);
    }
}
