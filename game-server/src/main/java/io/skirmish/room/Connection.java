package io.skirmish.room;

/**
 * A client connection as the rooms see it. Implemented by the network layer; rooms never see
 * transport types. Methods may be called from game threads and network threads and must not block.
 */
public interface Connection {
    /** Reliable, ordered delivery of an event. */
    void send(String event, RawJson payload);

    /**
     * Delivery that may be skipped: snapshots. Returns false (and sends nothing) when the client is
     * not keeping up, so that a slow client gets the latest state later instead of a growing backlog.
     */
    boolean sendVolatile(String event, RawJson payload);

    /**
     * Whether the client asked for compact snapshots at connect (protocol version 2): then it gets the
     * {@code s} event (see {@code io.skirmish.snapshot}) instead of the full JSON {@code snapshot}.
     */
    default boolean compactSnapshots() {
        return false;
    }

    /** The client's network address (for per-address limits); never shown to other players. */
    String address();

    /** Round trip, rejected inputs and rate limiting of this connection (for the operator's console). */
    default ConnectionStats stats() {
        return ConnectionStats.UNKNOWN;
    }

    /** Closes the connection. */
    void close();
}
