package io.skirmish.transport.engine;

import java.util.concurrent.TimeUnit;

/**
 * The round trip of a session's Engine.IO heartbeat, as the server measures it: from the moment its
 * ping is queued for the client to the moment the client's pong is handled. One sample per ping
 * (every ping interval); the last one is kept. Written by the session's {@link Heartbeat} on its home
 * loop, read anywhere.
 */
final class RoundTrip {
    /** When the unanswered ping was queued (home loop only); -1 when none is out. */
    private long pingAt = -1;
    private volatile long lastNanos = -1;

    void pinged() {
        pingAt = System.nanoTime();
    }

    void ponged() {
        if (pingAt >= 0) {
            lastNanos = System.nanoTime() - pingAt;
            pingAt = -1;
        }
    }

    /** The last measured round trip in milliseconds (fractional), or -1 before the first pong. */
    double lastMillis() {
        long n = lastNanos;
        return n < 0 ? -1 : n / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

}
