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
        assertTrue(seen.get(Verdict.ALLOW) >= 120 && seen.get(Verdict.ALLOW) < 200, "burst then the rate: " + seen);
        assertTrue(seen.get(Verdict.DROP) > 250, "dropped before disconnecting: " + seen);
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
}
