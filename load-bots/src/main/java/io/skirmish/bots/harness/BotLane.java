package io.skirmish.bots.harness;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One bot's lane: where all its state changes happen, one event at a time and in order (see
 * {@link Lanes}). A task that comes after the bot stopped is dropped (nothing it would do matters
 * any more) unless it is one of the stop's own; a failing task is counted, not lost in a thread's
 * death; a task after the run (its executors shut) is dropped.
 */
final class BotLane {
    private final Executor lane;
    private final BotContext ctx;
    private final BooleanSupplier stopped;

    BotLane(Executor lane, BotContext ctx, BooleanSupplier stopped) {
        this.lane = lane;
        this.ctx = ctx;
        this.stopped = stopped;
    }

    /** Runs {@code task} on the lane unless the bot has stopped by then. Any thread. */
    void run(Runnable task) {
        run(task, false);
    }

    /** Runs {@code task} on the lane even after the bot stopped (the stop's own steps). Any thread. */
    void runEvenStopped(Runnable task) {
        run(task, true);
    }

    /** Runs {@code task} on the lane after {@code delay}, unless the bot has stopped by then. */
    void later(Duration delay, Runnable task) {
        ctx.timers.schedule(() -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Queues {@code task} as it is, without the stopped check or the error count.
     *
     * @throws RejectedExecutionException when the run's lanes are shut
     */
    void execute(Runnable task) {
        lane.execute(task);
    }

    private void run(Runnable task, boolean evenStopped) {
        try {
            lane.execute(() -> {
                if (stopped.getAsBoolean() && !evenStopped) {
                    return;
                }
                try {
                    task.run();
                } catch (RejectedExecutionException e) {
                    // The run is over and its executors are shut.
                } catch (RuntimeException e) {
                    ctx.errors.count("bot exception: " + e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            // The run is over and its lanes are shut: late events are of no interest.
        }
    }
}
