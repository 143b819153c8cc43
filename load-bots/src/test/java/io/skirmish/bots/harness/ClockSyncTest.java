package io.skirmish.bots.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClockSyncTest {

    @Test
    void theOffsetComesFromTheShortestRoundTrip() {
        ClockSync sync = new ClockSync();
        assertFalse(sync.known());
        // Server clock = local + 100. A long, lopsided round trip (the answer waited 40 ms on our side)...
        sync.sample(0, 50, 105);
        assertEquals(105 + 25 - 50, sync.toServerMs(0), 1e-9);
        // ...gives way to a short one.
        sync.sample(1000, 1002, 1101);
        sync.sample(2000, 2010, 2108);
        assertTrue(sync.known());
        assertEquals(100, sync.toServerMs(0), 1e-9);
    }

    @Test
    void burstsAfterConnectingThenSettlesDown() {
        ClockSync sync = new ClockSync();
        for (int i = 0; i < ClockSync.BURST; i++) {
            assertEquals(ClockSync.BURST_GAP_MS, sync.nextDelayMs());
            sync.sample(i, i + 1, i);
        }
        assertEquals(ClockSync.INTERVAL_MS, sync.nextDelayMs());
        sync.restartBurst();
        assertEquals(ClockSync.BURST_GAP_MS, sync.nextDelayMs());
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        ClockSync sync = new ClockSync();
        sync.sample(0, 0, 500); // a perfect sample, offset 500...
        for (int i = 1; i <= ClockSync.WINDOW; i++) {
            sync.sample(i * 1000, i * 1000 + 4, i * 1000 + 2); // ...then the clocks agree
        }
        assertEquals(0, sync.toServerMs(0), 1e-9);
    }

    @Test
    void aNegativeRoundTripIsIgnored() {
        ClockSync sync = new ClockSync();
        sync.sample(10, 5, 0);
        assertFalse(sync.known());
    }
}
