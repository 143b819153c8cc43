package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server's heartbeat, as the reference server: a ping every interval after the last pong, and
 * the end of the session when a pong is late. Home loop only.
 */
final class Heartbeat {
    private final HomeLoop loop;
    private final EngineSettings settings;
    private final LongSupplier nanoTime;
    private final Runnable ping;
    private final Runnable pongLate;

    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> pongTimer;
    private boolean stopped;
    /** Ping to pong, for the operator's console. */
    final RoundTrip roundTrip = new RoundTrip();

    /**
     * @param ping sends a ping to the client
     * @param pongLate ends the session
     */
    Heartbeat(HomeLoop loop, EngineSettings settings, LongSupplier nanoTime, Runnable ping, Runnable pongLate) {
        this.loop = loop;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.ping = ping;
        this.pongLate = pongLate;
    }

    void start() {
        schedulePing();
    }

    void onPong() {
        roundTrip.ponged();
        HomeLoop.cancel(pongTimer);
        pongTimer = null;
        schedulePing();
    }

    void stop() {
        stopped = true;
        HomeLoop.cancel(pingTimer);
        HomeLoop.cancel(pongTimer);
    }

    private void schedulePing() {
        HomeLoop.cancel(pingTimer);
        long pingDue = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(settings.pingIntervalMs());
        pingTimer = loop.schedule(() -> {
            if (stopped) return;
            roundTrip.pinged();
            ping.run();
            HomeLoop.cancel(pongTimer);
            // The pong is due pingTimeout after the ping was due, even if this task ran late: late timers
            // must not add up (the official suite checks the session is gone at interval + timeout).
            long pongDue = pingDue + TimeUnit.MILLISECONDS.toNanos(settings.pingTimeoutMs());
            pongTimer = loop.schedule(pongLate, Math.max(0, pongDue - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
        }, settings.pingIntervalMs(), TimeUnit.MILLISECONDS);
    }
}
