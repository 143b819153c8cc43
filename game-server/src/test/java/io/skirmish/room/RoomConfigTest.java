package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server-wide room settings: each bound holds exactly at its edge, and each copy changes one thing. */
class RoomConfigTest {
    private static final Duration S = Duration.ofSeconds(1);

    private static RoomConfig config(int tickRate, int snapshotRate, int capacity, int inputQueue, int maxSteps, int bank) {
        return new RoomConfig(tickRate, snapshotRate, capacity, S, S, S, S, S, inputQueue, maxSteps, S, bank);
    }

    private static void refused(int tickRate, int snapshotRate, int capacity, int inputQueue, int maxSteps, int bank) {
        assertThrows(IllegalArgumentException.class, () -> config(tickRate, snapshotRate, capacity, inputQueue, maxSteps, bank));
    }

    @Test
    void eachBoundHoldsAtItsEdge() {
        assertDoesNotThrow(() -> config(1, 1, 2, 1, 1, 1));
        assertDoesNotThrow(() -> config(240, 240, 16, 1, 1, 1));
        refused(0, 1, 2, 1, 1, 1);
        refused(241, 1, 2, 1, 1, 1);
        refused(30, 0, 2, 1, 1, 1);
        refused(30, 31, 2, 1, 1, 1);
        refused(30, 30, 1, 1, 1, 1);
        refused(30, 30, 17, 1, 1, 1);
        refused(30, 30, 8, 0, 1, 1);
        refused(30, 30, 8, 1, 0, 1);
        refused(30, 30, 8, 1, 4, 3);
        assertDoesNotThrow(() -> config(30, 30, 8, 1, 4, 4));
    }

    @Test
    void copiesChangeOneSetting() {
        RoomConfig d = RoomConfig.defaults();
        assertEquals(4, d.withDefaultCapacity(4).defaultCapacity());
        assertEquals(d.withDefaultCapacity(4).roundLength(), d.roundLength());
        assertEquals(Duration.ofMillis(700), d.withSpectatorDelay(Duration.ofMillis(700)).spectatorDelay());
        assertEquals(d.tickRate(), d.withSpectatorDelay(Duration.ofMillis(700)).tickRate());
        assertEquals(Duration.ofSeconds(5), d.withSeatGrace(Duration.ofSeconds(5)).seatGrace());
        assertEquals(Duration.ofSeconds(6), d.withEmptyRoomGrace(Duration.ofSeconds(6)).emptyRoomGrace());
        RoomConfig fast = d.withTickRate(60, 20);
        assertEquals(60, fast.tickRate());
        assertEquals(20, fast.snapshotRate());
        assertEquals(60, fast.stepBank(), "a second of steps in hand at the new rate");
        assertEquals(90, fast.ticks(Duration.ofMillis(1500)));
    }
}
