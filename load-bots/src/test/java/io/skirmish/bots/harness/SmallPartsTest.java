package io.skirmish.bots.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void intervalsRestartAfterAReset() {
        IntervalTracker t = new IntervalTracker();
        assertEquals(-1, t.next(100));
        assertEquals(33, t.next(133));
        t.reset();
        assertEquals(-1, t.next(5000));
        assertEquals(34, t.next(5034));
    }

    @Test
    void joinsAreRetriedOnlyWhenThatMayHelp() {
        SplittableRandom rng = new SplittableRandom(1);
        Optional<Duration> first = JoinRetry.delayAfter(1, "SERVER_FULL", rng);
        Optional<Duration> second = JoinRetry.delayAfter(2, "TIMEOUT", rng);
        assertTrue(first.isPresent() && second.isPresent());
        assertTrue(first.get().toMillis() >= 500 && first.get().toMillis() <= 750, first.toString());
        assertTrue(second.get().toMillis() >= 1000 && second.get().toMillis() <= 1500, second.toString());
        assertEquals(Optional.empty(), JoinRetry.delayAfter(JoinRetry.MAX_ATTEMPTS, "SERVER_FULL", rng));
        assertEquals(Optional.empty(), JoinRetry.delayAfter(1, "ROOM_NOT_FOUND", rng));
        assertEquals(Optional.empty(), JoinRetry.delayAfter(1, "BAD_PASSWORD", rng));
    }

    @Test
    void wallClockFollowsNanoTime() {
        WallClock clock = new WallClock(1_000_000, 50_000_000);
        assertEquals(1_000_000.0, clock.millisAt(50_000_000), 1e-9);
        assertEquals(1_000_002.5, clock.millisAt(52_500_000), 1e-9);
    }
}
