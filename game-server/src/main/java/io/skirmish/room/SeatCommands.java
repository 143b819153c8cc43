package io.skirmish.room;

import io.skirmish.game.JoinDecision;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Coming and going: join, rejoin, spectate, leave and a dropped connection. Queued from network
 * threads, run on the room's game thread.
 */
final class SeatCommands {
    private final Room room;

    SeatCommands(Room room) {
        this.room = room;
    }

    /** Seats a player whose seat was reserved with {@link Room#tryReserve()}. */
    CompletableFuture<JoinResult> join(Connection conn, String name, String token) {
        return submitJoin(() -> {
            Members members = room.members();
            JoinDecision decision = room.slot().game().onJoinAttempt(members.nextPlayerId(), name);
            if (!decision.accepted()) {
                room.release();
                throw new ProtocolException(decision.code(), decision.reason());
            }
            Seat seat = members.add(name, token, conn, room.config().inputQueue());
            room.seatChanges().seated(seat);
            if (room.isPrivate() && members.hostId() == 0) {
                members.setHost(seat.id);
            }
            room.changed();
            return new JoinResult(room.joinAck(seat), new Membership(room, seat, conn));
        });
    }

    /** Gives a kept seat to a new connection (the old one, if still there, is told and detached). */
    CompletableFuture<JoinResult> rejoin(Connection conn, String token) {
        return submitJoin(() -> {
            Seat seat = room.members().byToken(token);
            if (seat == null) {
                throw new ProtocolException(ErrorCode.SEAT_EXPIRED, "the seat is no longer kept");
            }
            Connection old = seat.conn;
            seat.conn = conn;
            seat.disconnectedAtTick = -1;
            seat.inbox.clear();
            if (old != null && old != conn) {
                old.send(Events.ROOM_CLOSED, RoomJson.reason("replaced"));
            }
            room.changed();
            return new JoinResult(room.joinAck(seat), new Membership(room, seat, conn));
        });
    }

    CompletableFuture<JoinResult> spectate(Connection conn) {
        return submitJoin(() -> {
            if (!room.settings().spectators()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "this room does not allow spectators");
            }
            Membership m = new Membership(room, null, conn);
            room.members().spectators().add(m);
            room.changed();
            return new JoinResult(room.joinAck(null), m);
        });
    }

    CompletableFuture<RawJson> leave(Membership m) {
        return room.submit("leave", m, () -> {
            if (m.spectator()) {
                room.members().spectators().remove(m);
                room.changed();
            } else if (m.active()) {
                room.seatChanges().remove(m.seat());
            }
            return RoomJson.OK;
        });
    }

    void disconnected(Membership m) {
        room.submit("disconnected", m, () -> {
            if (m.spectator()) {
                if (room.members().spectators().remove(m)) room.changed();
            } else if (m.active()) {
                Seat s = m.seat();
                s.conn = null;
                s.disconnectedAtTick = room.currentTick();
                s.inbox.clear();
                room.changed();
            }
            return RoomJson.OK;
        });
    }

    /** A command whose answer is a join: the caller gets the membership as well as the ack. */
    private CompletableFuture<JoinResult> submitJoin(Supplier<JoinResult> action) {
        CompletableFuture<JoinResult> result = new CompletableFuture<>();
        room.submit(null, null, () -> {
            JoinResult r = action.get();
            result.complete(r);
            return r.ack();
        }).whenComplete((ack, err) -> {
            if (err != null) {
                result.completeExceptionally(err);
            }
        });
        return result;
    }
}
