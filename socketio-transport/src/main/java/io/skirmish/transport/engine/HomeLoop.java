package io.skirmish.transport.engine;

import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session's home event loop (the one of its handshake request): inbound packets, timers and
 * closing run there, one at a time, so that listeners see one client's events in order.
 */
final class HomeLoop {
    private final EventLoop loop;

    HomeLoop(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code r} now when on the loop, else queues it there. */
    void execute(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the loop is shutting down; closing still has to happen
        }
    }

    ScheduledFuture<?> schedule(Runnable r, long delay, TimeUnit unit) {
        return loop.schedule(r, delay, unit);
    }

    ScheduledFuture<?> scheduleAtFixedRate(Runnable r, long periodMs) {
        return loop.scheduleAtFixedRate(r, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
