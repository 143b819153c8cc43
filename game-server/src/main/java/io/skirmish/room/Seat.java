package io.skirmish.room;

import io.skirmish.game.PlayerInput;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A player's place in a room: identity, score-bearing ship (in the game), input inbox, and the
 * connection currently driving it (null while reconnecting). Fields marked volatile are touched by
 * network threads; the rest only by the room's game thread.
 */
final class Seat {
    final int id;
    final String name;
    final String token;
    final ArrayBlockingQueue<PlayerInput> inbox;
    volatile Connection conn;
    volatile boolean removed;
    /** Highest seq accepted from the network; written by the seat's current connection's thread. */
    volatile int lastReceivedSeq = -1;
    int lastAppliedSeq;
    int budget;
    /** Ticks a lone input has waited in the jitter buffer. */
    int held;
    /** Consecutive ticks the queue has been deeper than two. */
    int deep;
    boolean ready;
    long disconnectedAtTick = -1;

    Seat(int id, String name, String token, Connection conn, int inboxSize) {
        this.id = id;
        this.name = name;
        this.token = token;
        this.conn = conn;
        this.inbox = new ArrayBlockingQueue<>(inboxSize);
    }
}
