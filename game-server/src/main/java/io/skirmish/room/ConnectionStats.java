package io.skirmish.room;

/**
 * What the network layer knows about one player's connection, for the operator's console. Read on
 * any thread; each figure is as of the moment it is taken.
 *
 * @param rttMillis the last heartbeat round trip in milliseconds, or -1 when not measured yet
 * @param rejectedInputs inputs of this connection refused (malformed, stale, over a full queue, ...)
 * @param rateLimitedMessages messages of this connection dropped by its per-connection budget
 * @param rateLimit the budget's state: {@code ok}, {@code dropping} (dropping messages in the current
 *     window) or {@code throttled} (its rate halved until a window passes without drops)
 */
public record ConnectionStats(double rttMillis, long rejectedInputs, long rateLimitedMessages, String rateLimit) {
    /** A connection the network layer says nothing about. */
    public static final ConnectionStats UNKNOWN = new ConnectionStats(-1, 0, 0, "ok");
}
