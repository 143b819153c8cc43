package io.skirmish.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's own thread, driven step by step: the ticker's {@link Ticker#parkUntil} reports the
 * deadline the loop waits for and blocks until the test releases it (or the thread is interrupted),
 * so each loop iteration happens exactly when the test says, with no sleep.
 */
class GameLoopThreadTest {
    private static final long PERIOD_30HZ = TimeUnit.SECONDS.toNanos(1) / 30;

    /** Manual time whose park hands control back to the test. */
    static final class SteppedTicker implements Ticker {
        final BlockingQueue<Long> parks = new LinkedBlockingQueue<>();
        final Semaphore release = new Semaphore(0);
        volatile long nanos;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long wallMillis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public void parkUntil(long deadline) {
            parks.add(deadline);
            try {
                release.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The deadline the loop parked on next (waits for the loop to get there). */
        long nextPark() throws InterruptedException {
            Long d = parks.poll(10, TimeUnit.SECONDS);
            assertNotNull(d, "the loop parked");
            return d;
        }

        /** Moves time to {@code at} and lets the parked loop run one iteration. */
        void wakeAt(long at) {
            nanos = at;
            release.release();
        }
    }

    static final class Recording implements Tickable {
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void tick() {
            threads.add(Thread.currentThread());
        }

        @Override
        public void onTickFailure(Throwable error) {
        }
    }

    private final SteppedTicker ticker = new SteppedTicker();
    private final GameLoop loop = new GameLoop("loop-under-test", ticker, 30, 3, n -> {});
    private final Recording room = new Recording();

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.stop(10, TimeUnit.SECONDS);
    }

    @Test
    void theThreadTicksEachPeriodOfTheTickRateAndWaitsForTheNextDeadline() throws InterruptedException {
        loop.add(room);
        loop.start();
        assertEquals(PERIOD_30HZ, ticker.nextPark(), "tick 0 ran at start; tick 1 is due one 30 Hz period later");
        assertEquals(1, room.threads.size());

        ticker.wakeAt(PERIOD_30HZ - 1); // woken early: nothing is due yet
        assertEquals(PERIOD_30HZ, ticker.nextPark());
        assertEquals(1, room.threads.size());

        ticker.wakeAt(PERIOD_30HZ);
        assertEquals(2 * PERIOD_30HZ, ticker.nextPark());
        assertEquals(2, room.threads.size());

        Thread t = room.threads.get(0);
        assertEquals("loop-under-test", t.getName());
        assertTrue(t.isDaemon(), "a game loop never keeps the JVM alive");
        assertSame(t, room.threads.get(1), "one thread ticks the rooms");
    }

    @Test
    void startingTwiceKeepsOneThread() throws InterruptedException {
        loop.add(room);
        loop.start();
        loop.start();
        assertEquals(PERIOD_30HZ, ticker.nextPark());
        ticker.wakeAt(PERIOD_30HZ);
        assertEquals(2 * PERIOD_30HZ, ticker.nextPark());
        assertNull(ticker.parks.poll(), "a second thread would have parked too");
        assertEquals(2, room.threads.size(), "tick 0 and tick 1, once each");
    }

    @Test
    void aLoopFarBehindCatchesUpTheCapAndCountsTheRestAsSkipped() throws InterruptedException {
        loop.add(room);
        loop.start();
        ticker.nextPark();
        assertEquals(0, loop.skippedTicks());
        ticker.wakeAt(TimeUnit.SECONDS.toNanos(1)); // ticks 1..30 are due
        ticker.nextPark();
        assertEquals(1 + 3, room.threads.size(), "tick 0, then the catch-up cap of 3");
        assertEquals(27, loop.skippedTicks(), "ticks 4..30 dropped");
    }

    @Test
    void stopInterruptsTheParkedThreadAndWaitsForItToEnd() throws InterruptedException {
        loop.add(room);
        loop.start();
        ticker.nextPark();
        Thread t = room.threads.get(0);
        // The thread is parked and never released: only the interrupt gets it out, and stop()
        // returns as soon as the thread has ended, not after its timeout.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> loop.stop(1, TimeUnit.HOURS));
        assertFalse(t.isAlive(), "the loop thread ended");
        assertEquals(1, room.threads.size(), "no tick after stop");
    }

    @Test
    void stopBeforeStartReturnsAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> loop.stop(1, TimeUnit.HOURS));
    }
}
