package io.skirmish.net;

import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small bounded pool for the requests that hash a password (PBKDF2: about a millisecond each,
 * up to far more on a cold JVM): creating a room with a password, joining or spectating one,
 * changing one. They run here rather than on a Netty I/O thread or, worst, inside a room's command
 * on the game thread that also ticks other rooms. When the queue is full the request is refused
 * ({@code RATE_LIMITED}, counted as {@code skirmish_limit_hits_total{limit="hash_queue"}}).
 */
final class PasswordWork implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final NetMetrics metrics;

    PasswordWork(int threads, int queue, NetMetrics metrics) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "password-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.metrics = metrics;
        metrics.gauge("skirmish_password_hash_queue", "Password hashes waiting for a hashing thread",
                () -> pool.getQueue().size());
    }

    /** Runs {@code work} (which hashes, then enqueues to a room) on the pool; its future completes with the room's. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    work.get().whenComplete((v, e) -> {
                        if (e != null) result.completeExceptionally(e);
                        else result.complete(v);
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            metrics.limitHit("hash_queue");
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "the server is busy; try again in a moment");
        }
        return result;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
