package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-seat jitter estimate that decides whether a player's inputs wait in a jitter buffer. */
class ArrivalJitterTest {
    @Test
    void aNewSeatIsBufferedUntilItsInputsProveSteady() {
        ArrivalJitter j = new ArrivalJitter();
        assertTrue(j.buffered());
        assertEquals(ArrivalJitter.INITIAL, j.ticks(), 1e-12);
        j.arrived(10.3); // the first arrival has nothing to compare with
        assertEquals(ArrivalJitter.INITIAL, j.ticks(), 1e-12);
        assertTrue(j.buffered());
    }

    @Test
    void theEstimateMovesASixteenthOfTheWayToEachDeviation() {
        ArrivalJitter j = new ArrivalJitter();
        j.arrived(10.0);
        j.arrived(11.0); // exactly a tick apart: deviation 0
        assertEquals(0.5 * 15 / 16, j.ticks(), 1e-12);
        j.arrived(13.5); // 2.5 ticks apart: deviation 1.5
        assertEquals(0.5 * 15 / 16 + (1.5 - 0.5 * 15 / 16) / 16, j.ticks(), 1e-12);
        j.arrived(13.5); // together: deviation 1 (early counts as late does)
        double before = 0.5 * 15 / 16 + (1.5 - 0.5 * 15 / 16) / 16;
        assertEquals(before + (1.0 - before) / 16, j.ticks(), 1e-12);
    }

    @Test
    void steadyArrivalsSwitchToDirectAfterAboutTwentyInputs() {
        ArrivalJitter j = new ArrivalJitter();
        double t = 100.25;
        int inputs = 0;
        while (j.buffered()) {
            j.arrived(t);
            t += 1.0;
            inputs++;
            assertTrue(inputs < 100, "never switched");
        }
        // 0.5 * (15/16)^n < 0.15 first at n = 19, after the first arrival set the baseline
        assertEquals(20, inputs);
        assertTrue(j.ticks() < ArrivalJitter.DIRECT_BELOW);
    }

    @Test
    void hysteresisKeepsASeatNearTheLineFromFlapping() {
        ArrivalJitter j = steady();
        assertFalse(j.buffered());
        double t = 99.5; // where steady() left off
        // Deviations of 0.2 ticks pull the estimate towards 0.2: between the two thresholds, so it
        // stays direct; from buffered it would stay buffered.
        for (int i = 0; i < 200; i++) {
            t += (i % 2 == 0) ? 1.2 : 0.8;
            j.arrived(t);
        }
        assertEquals(0.2, j.ticks(), 0.01);
        assertFalse(j.buffered(), "0.2 ticks is inside the gap: a direct seat stays direct");
        ArrivalJitter fresh = new ArrivalJitter();
        for (int i = 0; i < 200; i++) {
            t += (i % 2 == 0) ? 1.2 : 0.8;
            fresh.arrived(t);
        }
        assertTrue(fresh.buffered(), "and a buffered seat stays buffered");
    }

    @Test
    void burstyArrivalsSwitchBackToTheBuffer() {
        ArrivalJitter j = steady();
        double t = 99.5;
        int inputs = 0;
        while (!j.buffered()) {
            t += (inputs % 2 == 0) ? 0 : 2; // two in one tick, none in the next
            j.arrived(t);
            inputs++;
            assertTrue(inputs < 50, "never switched back");
        }
        assertTrue(j.ticks() > ArrivalJitter.BUFFER_ABOVE);
        assertEquals(5, inputs, "a clear burst pattern is caught within a few inputs");
    }

    private static ArrivalJitter steady() {
        ArrivalJitter j = new ArrivalJitter();
        for (int i = 0; i < 100; i++) {
            j.arrived(i + 0.5);
        }
        return j;
    }
}
