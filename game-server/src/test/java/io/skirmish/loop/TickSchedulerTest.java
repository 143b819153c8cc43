package io.skirmish.loop;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickSchedulerTest {
    private final ManualTicker ticker = new ManualTicker();
    private final List<Long> ran = new ArrayList<>();
    private final TickScheduler s = new TickScheduler(ticker, TimeUnit.MILLISECONDS.toNanos(10), 3);

    @Test
    void runsEachTickAtItsAbsoluteDeadline() {
        assertEquals(1, s.runDue(ran::add), "tick 0 is due at start");
        assertEquals(0, s.runDue(ran::add));
        ticker.advance(9, TimeUnit.MILLISECONDS);
        assertEquals(0, s.runDue(ran::add));
        ticker.advance(1, TimeUnit.MILLISECONDS);
        assertEquals(1, s.runDue(ran::add));
        assertEquals(List.of(0L, 1L), ran);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(20), s.nextDeadline());
    }

    @Test
    void lateWakeupsDoNotDrift() {
        for (int i = 0; i < 100; i++) {
            s.runDue(ran::add);
            ticker.advance(10_300, TimeUnit.MICROSECONDS); // always a bit late
            assertEquals(0, s.nextDeadline() % TimeUnit.MILLISECONDS.toNanos(10), "deadlines stay on the grid");
        }
        s.runDue(ran::add);
        long due = ticker.nanoTime() / TimeUnit.MILLISECONDS.toNanos(10) + 1;
        assertEquals(due, ran.size(), "every due tick ran once: none lost to lateness, none doubled");
        for (int i = 0; i < ran.size(); i++) {
            assertEquals(i, ran.get(i));
        }
        assertEquals(0, s.skipped());
    }

    @Test
    void catchesUpAtMostTheCapAtOnceThenResets() {
        s.runDue(ran::add);
        ticker.advance(25, TimeUnit.MILLISECONDS); // ticks 1 and 2 are due
        assertEquals(2, s.runDue(ran::add), "small backlog: caught up back to back");
        ticker.advance(1, TimeUnit.SECONDS); // 100 ticks behind
        assertEquals(3, s.runDue(ran::add), "no more than the cap in one go");
        assertEquals(97, s.skipped(), "the rest is skipped, not burst later");
        assertEquals(0, s.runDue(ran::add), "schedule reset to now");
        ticker.advance(10, TimeUnit.MILLISECONDS);
        assertEquals(1, s.runDue(ran::add));
    }

    @Test
    void stillDueExactlyAtTheCapIsSkippedToo() {
        s.runDue(ran::add);
        ticker.advance(40, TimeUnit.MILLISECONDS); // ticks 1..4 due; the cap runs 1..3
        assertEquals(3, s.runDue(ran::add));
        assertEquals(1, s.skipped(), "tick 4, due exactly now, is dropped rather than burst");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(50), s.nextDeadline(), "the schedule restarts one period from now");
        assertEquals(0, s.runDue(ran::add));
    }

    @Test
    void periodAndCatchUpMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TickScheduler(ticker, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TickScheduler(ticker, 1, 0));
        assertDoesNotThrow(() -> new TickScheduler(ticker, 1, 1));
    }
}
