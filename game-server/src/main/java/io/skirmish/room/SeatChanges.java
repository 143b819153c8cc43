package io.skirmish.room;

import io.skirmish.protocol.Events;
import java.util.ArrayList;
import java.util.List;

/**
 * Seats coming and going in a room (game thread): a new seat joins the game; a seat is freed (left,
 * kicked, or dropped for longer than the seat grace) with the game told, its token revoked and its
 * place given back.
 */
final class SeatChanges {
    private final Room room;
    private final RoomObserver observer;
    private final Room.Host host;

    SeatChanges(Room room, RoomObserver observer, Room.Host host) {
        this.room = room;
        this.observer = observer;
        this.host = host;
    }

    /** A new seat joins the game. */
    void seated(Seat seat) {
        room.slot().game().onJoin(seat.id, seat.name);
        observer.joined(room, room.currentTick(), seat.id, seat.name);
    }

    /** Frees a seat: the game and the observer hear of it, the token dies, the place is free again. */
    void remove(Seat s) {
        room.members().remove(s);
        room.slot().game().onLeave(s.id);
        observer.left(room, room.currentTick(), s.id);
        host.tokenRevoked(s.token);
        room.release();
        room.changed();
    }

    /** Frees a seat and tells its player why ({@code reason} of {@code room:kicked}). */
    void kick(Seat target, String reason) {
        Connection c = target.conn;
        remove(target);
        if (c != null) {
            c.send(Events.ROOM_KICKED, RoomJson.reason(reason));
        }
    }

    /** Frees the seats dropped for longer than the seat grace. */
    void expire() {
        RoomConfig cfg = room.config();
        long tick = room.currentTick();
        int grace = cfg.ticks(cfg.seatGrace());
        // Every tick, so no stream and no list unless a seat is due (removing changes the collection).
        List<Seat> due = null;
        for (Seat s : room.members().seats()) {
            if (s.disconnectedAtTick >= 0 && tick - s.disconnectedAtTick >= grace) {
                if (due == null) {
                    due = new ArrayList<>(1);
                }
                due.add(s);
            }
        }
        if (due != null) {
            due.forEach(this::remove);
        }
    }
}
