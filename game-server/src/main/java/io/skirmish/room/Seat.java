package io.skirmish.room;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A player's place in a room: identity, input inbox, and the connection currently driving it (null
 * while reconnecting). Fields marked volatile are touched by network threads; the rest only by the
 * room's game thread.
 */
final class Seat {
    /**
     * One decoded input waiting for its tick. {@code slot} is the game that decoded it: an input
     * decoded for a game the host has since replaced is dropped, never handed to the new game.
     * {@code arrivalTick} is when it reached the server, in fractional ticks (see {@link ArrivalClock}).
     */
    record Queued(int seq, GameSlot<?> slot, Object input, double arrivalTick) {}

    final int id;
    final String name;
    final String token;
    final ArrayBlockingQueue<Queued> inbox;
    volatile Connection conn;
    volatile boolean removed;
    /** Highest seq accepted from the network; written by the seat's current connection's thread. */
    volatile int lastReceivedSeq = -1;
    int lastAppliedSeq;
    int budget;
    /** Ticks a lone input has waited in the jitter buffer. */
    int held;
    /** How evenly this seat's inputs arrive: whether it needs the jitter buffer at all. */
    final ArrivalJitter jitter = new ArrivalJitter();
    /** Consecutive ticks the queue has been deeper than two. */
    int deep;
    /** Queued inputs cut from a backlog that kept growing (see {@link InputPacer}). */
    long inputsCut;
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
