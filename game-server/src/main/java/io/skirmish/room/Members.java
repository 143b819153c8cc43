package io.skirmish.room;

import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Who is in a room: seats in join order (longest present first), spectators, and the host
 * (game thread only).
 */
final class Members {
    private final LinkedHashMap<Integer, Seat> seats = new LinkedHashMap<>();
    private final List<Membership> spectators = new ArrayList<>();
    private int nextPlayerId = 1;
    private int hostId;

    Collection<Seat> seats() {
        return seats.values();
    }

    List<Membership> spectators() {
        return spectators;
    }

    Seat seat(int playerId) {
        return seats.get(playerId);
    }

    Seat byToken(String token) {
        return seats.values().stream().filter(s -> s.token.equals(token)).findFirst().orElse(null);
    }

    int seatCount() {
        return seats.size();
    }

    boolean empty() {
        return seats.isEmpty() && spectators.isEmpty();
    }

    int nextPlayerId() {
        return nextPlayerId;
    }

    Seat add(String name, String token, Connection conn, int inboxSize) {
        Seat seat = new Seat(nextPlayerId++, name, token, conn, inboxSize);
        seats.put(seat.id, seat);
        return seat;
    }

    /** Frees a seat; the host passes to the longest-present player. */
    void remove(Seat s) {
        seats.remove(s.id);
        s.removed = true;
        s.inbox.clear();
        if (hostId == s.id) {
            hostId = seats.isEmpty() ? 0 : seats.keySet().iterator().next();
        }
    }

    int hostId() {
        return hostId;
    }

    void setHost(int playerId) {
        hostId = playerId;
    }

    Seat requireSeat(Membership m) {
        if (m.spectator() || !m.active()) {
            throw new ProtocolException(ErrorCode.NOT_IN_ROOM, "you have no seat in this room");
        }
        return m.seat();
    }

    void requireHost(Membership m) {
        if (requireSeat(m).id != hostId) {
            throw new ProtocolException(ErrorCode.NOT_HOST, "only the host can do that");
        }
    }

    /** Reliable delivery to every connected member. */
    void broadcast(String event, RawJson payload) {
        for (Seat s : seats.values()) {
            Connection c = s.conn;
            if (c != null) c.send(event, payload);
        }
        for (Membership m : spectators) {
            m.connection().send(event, payload);
        }
    }

    /** A seat moved here from another server, with its id and token; not connected until its player rejoins. */
    Seat adopt(int id, String name, String token, int inboxSize, long tick) {
        Seat seat = new Seat(id, name, token, null, inboxSize);
        seat.disconnectedAtTick = tick;
        seats.put(id, seat);
        nextPlayerId = Math.max(nextPlayerId, id + 1);
        return seat;
    }

    void restoreNextPlayerId(int next) {
        nextPlayerId = Math.max(nextPlayerId, next);
    }
}
