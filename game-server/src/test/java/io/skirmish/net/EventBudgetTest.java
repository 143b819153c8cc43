package io.skirmish.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.loop.ManualTicker;
import io.skirmish.net.EventBudget.Verdict;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBudgetTest {
    private final ManualTicker ticker = new ManualTicker();
    private final EventBudget budget = new EventBudget(ticker, new EventBudget.Limits(60, 120, 30, 300, 5_000));

    @Test
    void aClientAtTheGameRateIsNeverLimited() {
        for (int i = 0; i < 30 * 60; i++) { // a minute of inputs at 30 Hz plus a request a second
            assertEquals(Verdict.ALLOW, budget.take(1));
            if (i % 30 == 0) assertEquals(Verdict.ALLOW, budget.take(1));
            ticker.advanceMillis(33);
        }
    }

    @Test
    void aFloodIsDroppedThenThrottledThenDisconnected() {
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        Verdict v = Verdict.ALLOW;
        int sent = 0;
        while (v != Verdict.DISCONNECT && sent < 10_000) {
            v = budget.take(1);
            seen.merge(v, 1, Integer::sum);
            sent++;
            if (sent % 10 == 0) ticker.advanceMillis(1); // 10,000 messages a second
        }
        assertEquals(Verdict.DISCONNECT, v);
        assertEquals(1, seen.get(Verdict.THROTTLE), "told once");
        // The burst, then 60/s while unthrottled and 30/s once throttled, over the manual time that passed.
        int allowed = seen.get(Verdict.ALLOW);
        assertTrue(allowed >= 120 && allowed <= 120 + 60.0 * sent / 10_000 + 1, "burst then the rate: " + seen);
        assertTrue(seen.get(Verdict.DROP) > 250, "dropped before disconnecting: " + seen);
    }

    /** Takes single messages until one is not allowed; returns how many were. */
    private static int drain(EventBudget b) {
        int n = 0;
        while (b.take(1) == Verdict.ALLOW) n++;
        return n;
    }

    /** A budget whose ladder never moves (huge thresholds), to look at the bucket alone. */
    private EventBudget bucketOnly(double perSecond, int burst) {
        return new EventBudget(ticker, new EventBudget.Limits(perSecond, burst, 1_000_000, 2_000_000, 5_000));
    }

    @Test
    void theRefillRateIsExactlyThePerSecondLimit() {
        EventBudget b = bucketOnly(60, 120);
        assertEquals(120, drain(b), "a full bucket holds the burst");
        ticker.advanceMillis(1_000);
        assertEquals(60, drain(b), "one second refills 60");
        ticker.advanceMillis(100);
        assertEquals(6, drain(b), "a tenth of a second refills 6");
        ticker.advanceMillis(16);
        assertEquals(0, drain(b), "16 ms is 0.96 of a message");
        ticker.advanceMillis(1);
        assertEquals(1, drain(b), "17 ms completes it");
        ticker.advanceMillis(60_000);
        assertEquals(120, drain(b), "never more than the burst, however long the pause");
    }

    @Test
    void aSteadyClientGetsExactlyTheRateOverAMinute() {
        EventBudget b = bucketOnly(60, 120);
        drain(b);
        int allowed = 0;
        for (int ms = 0; ms < 60_000; ms += 50) {
            ticker.advanceMillis(50);
            for (int i = 0; i < 10; i++) { // 200 a second offered
                if (b.take(1) == Verdict.ALLOW) allowed++;
            }
        }
        assertEquals(3_600, allowed, "60 a second for 60 seconds");
    }

    @Test
    void aPollingBodyTakesOneTokenPerMessage() {
        EventBudget b = bucketOnly(60, 120);
        assertEquals(Verdict.ALLOW, b.take(100));
        assertEquals(Verdict.DROP, b.take(21), "20 left");
        assertEquals(Verdict.ALLOW, b.take(20));
        ticker.advanceMillis(500);
        assertEquals(Verdict.DROP, b.take(31));
        assertEquals(Verdict.ALLOW, b.take(30));
    }

    @Test
    void aThrottledClientGetsExactlyHalfTheRate() {
        EventBudget b = new EventBudget(ticker, new EventBudget.Limits(60, 120, 5, 1_000_000, 5_000));
        assertEquals(120, drain(b)); // the first drop
        for (int i = 0; i < 3; i++) assertEquals(Verdict.DROP, b.take(1));
        assertEquals(Verdict.THROTTLE, b.take(1), "the fifth drop in the window throttles");
        assertTrue(b.throttled());
        ticker.advanceMillis(1_000);
        assertEquals(30, drain(b), "half of 60 in one second");
        ticker.advanceMillis(200);
        assertEquals(6, drain(b));
    }

    @Test
    void dropsAreCountedPerWindowAndTheLadderIsExact() {
        EventBudget b = new EventBudget(ticker, new EventBudget.Limits(60, 10, 3, 6, 1_000));
        assertEquals(10, drain(b)); // drop 1
        assertEquals(Verdict.DROP, b.take(1)); // 2
        assertEquals(Verdict.THROTTLE, b.take(1)); // 3: throttled, told once
        assertEquals(Verdict.DROP, b.take(1)); // 4
        assertEquals(Verdict.DROP, b.take(1)); // 5
        assertEquals(Verdict.DISCONNECT, b.take(1)); // 6
        EventBudget quiet = new EventBudget(ticker, new EventBudget.Limits(60, 10, 3, 6, 1_000));
        assertEquals(10, drain(quiet)); // 1 drop
        ticker.advanceMillis(999);
        assertEquals(10, drain(quiet), "refilled to the burst; the second drop of the window");
        ticker.advanceMillis(1); // a new window: its drops count from zero
        assertEquals(Verdict.DROP, quiet.take(1), "0.06 of a message: the new window's first drop");
        assertEquals(Verdict.DROP, quiet.take(1));
        assertEquals(Verdict.THROTTLE, quiet.take(1), "the third drop of the new window, not the fifth overall");
    }

    @Test
    void aThrottledClientRecoversAfterAQuietWindow() {
        for (int i = 0; i < 160; i++) budget.take(1);
        assertTrue(budget.throttled());
        ticker.advanceMillis(5_000); // window with drops ends
        budget.take(1);
        ticker.advanceMillis(5_000); // a quiet window
        budget.take(1);
        assertFalse(budget.throttled());
    }
    @Test
    void theStateTheConsoleShowsFollowsDropsThrottlingAndQuietWindows() {
        assertEquals(new EventBudget.State(0, "ok"), budget.state());
        int allowed = drain(budget); // the burst, then one dropped
        assertEquals(120, allowed);
        assertEquals(new EventBudget.State(1, "dropping"), budget.state());
        for (int i = 0; i < 28; i++) assertEquals(Verdict.DROP, budget.take(1));
        assertEquals(Verdict.THROTTLE, budget.take(1)); // the 30th drop in the window
        assertEquals(new EventBudget.State(30, "throttled"), budget.state());
        ticker.advanceMillis(4_999);
        assertEquals("throttled", budget.state().label(), "still inside the window of the drops");
        ticker.advanceMillis(1);
        // The window of the drops is over, but the rate comes back only after a window without drops.
        assertEquals("throttled", budget.state().label());
        assertEquals(Verdict.ALLOW, budget.take(1)); // opens a window; no drop in it
        assertEquals(new EventBudget.State(30, "throttled"), budget.state());
        ticker.advanceMillis(5_000);
        assertEquals(new EventBudget.State(30, "ok"), budget.state(), "a quiet window passed; the dropped total is kept");
        assertEquals(Verdict.ALLOW, budget.take(1));
        assertFalse(budget.throttled(), "take() agrees");
        assertEquals(new EventBudget.State(30, "ok"), budget.state());
    }
}
