package io.skirmish.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One game thread that ticks many rooms at a fixed rate. {@link #tickOnce()} is what one tick does
 * (tests call it directly); {@link #start()} runs it on a thread paced by a {@link TickScheduler}.
 * A tickable that throws is isolated: reported once, removed, the others go on.
 */
public final class GameLoop {
    private final String name;
    private final Ticker ticker;
    private final TickScheduler scheduler;
    private final LongConsumer tickDurationNanos;
    private final List<Tickable> tickables = new ArrayList<>();
    private final ConcurrentLinkedQueue<Tickable> added = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Tickable> removed = new ConcurrentLinkedQueue<>();
    private volatile int size;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param tickDurationNanos receives how long each loop tick (all its rooms) took
     */
    public GameLoop(String name, Ticker ticker, int tickRate, int maxCatchUp, LongConsumer tickDurationNanos) {
        this.name = name;
        this.ticker = ticker;
        this.scheduler = new TickScheduler(ticker, TimeUnit.SECONDS.toNanos(1) / tickRate, maxCatchUp);
        this.tickDurationNanos = tickDurationNanos;
    }

    /** Adds a tickable; it is ticked from the next loop tick on. Any thread. */
    public void add(Tickable t) {
        size++;
        added.add(t);
    }

    /** Removes a tickable before the next loop tick. Any thread. */
    public void remove(Tickable t) {
        removed.add(t);
    }

    /** How many tickables this loop has (approximately, for balancing). */
    public int size() {
        return size;
    }

    /** One loop tick: every tickable once. Call from the loop thread, or from a test. */
    public void tickOnce() {
        Tickable t;
        while ((t = added.poll()) != null) {
            tickables.add(t);
        }
        while ((t = removed.poll()) != null) {
            if (tickables.remove(t)) {
                size--;
            }
        }
        long begin = ticker.nanoTime();
        for (int i = 0; i < tickables.size(); i++) {
            Tickable tickable = tickables.get(i);
            try {
                tickable.tick();
            } catch (Throwable e) {
                tickables.remove(i--);
                size--;
                try {
                    tickable.onTickFailure(e);
                } catch (Throwable ignored) {
                    // onTickFailure must not throw; if it does, the room is gone anyway.
                }
            }
        }
        tickDurationNanos.accept(ticker.nanoTime() - begin);
    }

    /** Ticks that were skipped because the loop fell too far behind. */
    public long skippedTicks() {
        return scheduler.skipped();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            scheduler.runDue(n -> tickOnce());
            ticker.parkUntil(scheduler.nextDeadline());
        }
    }

    /**
     * Stops the thread after its current tick; waits up to the timeout for it to have ended (joined:
     * a latch counted down in the thread's last lines let this return while it was still alive).
     */
    public void stop(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(Math.max(1, unit.toMillis(timeout)));
        }
    }
}
