package io.skirmish.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.loop.OverloadMonitor.Change;
import org.junit.jupiter.api.Test;

class OverloadMonitorTest {
    @Test
    void entersAfterConsecutiveOverrunsAndLeavesAfterConsecutiveGoodRuns() {
        OverloadMonitor m = new OverloadMonitor(100, 3, 5);
        assertEquals(Change.NONE, m.record(200));
        assertEquals(Change.NONE, m.record(200));
        assertEquals(Change.NONE, m.record(50), "an on-time run resets the count");
        assertEquals(Change.NONE, m.record(200));
        assertEquals(Change.NONE, m.record(200));
        assertEquals(Change.ENTERED, m.record(200));
        assertTrue(m.overloaded());
        m.record(200);
        m.record(200);
        assertEquals(Change.STILL_OVER, m.record(200));
        for (int i = 0; i < 4; i++) assertEquals(Change.NONE, m.record(10));
        assertEquals(Change.LEFT, m.record(10));
        assertFalse(m.overloaded());
    }

    @Test
    void aRunExactlyOnBudgetIsWithinBudget() {
        OverloadMonitor m = new OverloadMonitor(100, 1, 1);
        assertEquals(Change.NONE, m.record(100));
        assertFalse(m.overloaded());
        assertEquals(Change.ENTERED, m.record(101));
        assertEquals(Change.LEFT, m.record(100));
    }
}
