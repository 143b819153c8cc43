package io.skirmish.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GameLoopTest {
    static final class Counting implements Tickable {
        int ticks;
        int failAt = -1;
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void tick() {
            if (ticks++ == failAt) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public void onTickFailure(Throwable error) {
            failures.add(error);
        }
    }

    @Test
    void aThrowingTickableIsReportedOnceAndDroppedWhileTheOthersGoOn() {
        GameLoop loop = new GameLoop("test", new ManualTicker(), 30, 3, n -> {});
        Counting good1 = new Counting(), bad = new Counting(), good2 = new Counting();
        bad.failAt = 2;
        loop.add(good1);
        loop.add(bad);
        loop.add(good2);
        for (int i = 0; i < 10; i++) {
            loop.tickOnce();
        }
        assertEquals(10, good1.ticks);
        assertEquals(10, good2.ticks);
        assertEquals(3, bad.ticks, "never ticked after it threw");
        assertEquals(1, bad.failures.size());
        assertInstanceOf(IllegalStateException.class, bad.failures.get(0));
        assertEquals(2, loop.size());
    }

    @Test
    void addAndRemoveTakeEffectAtTheNextTick() {
        GameLoop loop = new GameLoop("test", new ManualTicker(), 30, 3, n -> {});
        Counting a = new Counting();
        loop.add(a);
        loop.tickOnce();
        loop.remove(a);
        loop.tickOnce();
        assertEquals(1, a.ticks);
        assertEquals(0, loop.size());
    }

    @Test
    void eachLoopTickReportsHowLongAllItsRoomsTook() {
        ManualTicker ticker = new ManualTicker();
        ticker.advanceMillis(100); // durations are differences, not readings of the clock
        List<Long> durations = new ArrayList<>();
        GameLoop loop = new GameLoop("test", ticker, 30, 3, durations::add);
        Tickable slow = new Tickable() {
            @Override
            public void tick() {
                ticker.advance(3, TimeUnit.MILLISECONDS);
            }

            @Override
            public void onTickFailure(Throwable error) {
            }
        };
        loop.add(slow);
        loop.add(slow);
        loop.tickOnce();
        loop.remove(slow);
        loop.remove(slow);
        loop.tickOnce();
        assertEquals(List.of(TimeUnit.MILLISECONDS.toNanos(6), 0L), durations);
    }

    @Test
    void aFailureHandlerThatThrowsDoesNotStopTheLoop() {
        GameLoop loop = new GameLoop("test", new ManualTicker(), 30, 3, n -> {});
        Counting after = new Counting();
        loop.add(new Tickable() {
            @Override
            public void tick() {
                throw new IllegalStateException("tick");
            }

            @Override
            public void onTickFailure(Throwable error) {
                throw new IllegalStateException("handler");
            }
        });
        loop.add(after);
        loop.tickOnce();
        loop.tickOnce();
        assertEquals(2, after.ticks);
        assertEquals(1, loop.size());
    }

    @Test
    void removingATickableThatIsNotThereLeavesTheSizeAlone() {
        GameLoop loop = new GameLoop("test", new ManualTicker(), 30, 3, n -> {});
        loop.add(new Counting());
        loop.remove(new Counting());
        loop.tickOnce();
        assertEquals(1, loop.size());
    }
}
