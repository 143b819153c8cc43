package io.skirmish.bots.net;

import io.socket.client.Socket;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * Sends requests with an ack and a timeout. The answer is handed to the caller's executor: the ack
 * callback itself runs on the library's shared event thread and only passes the answer on.
 */
public final class Requests {
    private final ScheduledExecutorService timers;
    private final long timeoutNanos;

    /** Timeouts are kept on {@code timers} (the library's own ack timeout starts a thread per request). */
    public Requests(ScheduledExecutorService timers, Duration timeout) {
        this.timers = timers;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Emits {@code event} and later runs {@code onReply} on {@code executor}, exactly once. */
    public void send(Socket socket, String event, JSONObject payload, Executor executor, Consumer<Reply> onReply) {
        AtomicBoolean answered = new AtomicBoolean();
        ScheduledFuture<?> timeout = timers.schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                executor.execute(() -> onReply.accept(new Reply.Failed(Reply.TIMEOUT, "no answer to " + event)));
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        socket.emit(event, new Object[] {payload}, args -> {
            long received = System.nanoTime();
            if (answered.compareAndSet(false, true)) {
                timeout.cancel(false);
                executor.execute(() -> onReply.accept(Reply.of(args, received)));
            }
        });
    }
}
