package io.skirmish.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickersTest {
    @Test
    void manualWallClockMovesWithManualTime() {
        ManualTicker t = new ManualTicker();
        long wall0 = t.wallMillis();
        assertTrue(wall0 > 1_600_000_000_000L, "a plausible epoch time, so that clients see a real date");
        t.advanceMillis(1_500);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1_500), t.nanoTime());
        assertEquals(wall0 + 1_500, t.wallMillis());
        t.advance(2, TimeUnit.SECONDS);
        assertEquals(wall0 + 3_500, t.wallMillis());
    }

    @Test
    void systemTimeIsTheRealClock() {
        Ticker t = Ticker.system();
        assertSame(t, Ticker.system());
        long before = System.currentTimeMillis();
        long wall = t.wallMillis();
        assertTrue(wall >= before && wall <= System.currentTimeMillis());
        long n0 = System.nanoTime();
        long n = t.nanoTime();
        assertTrue(n >= n0 && n <= System.nanoTime());
    }
}
