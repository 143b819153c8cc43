package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.protocol.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that arrive evenly are applied on the first tick after they arrive; the jitter buffer is
 * for players whose inputs arrive unevenly (issue 10, item 4). Time is the room's manual ticker: an
 * input offered between two ticks arrived one tick after the previous one.
 */
class DirectInputTest {
    private final RoomHarness h = new RoomHarness();
    private final FakeConnection c = new FakeConnection();
    private final Membership m = h.await(h.manager.quickplay(c, "steady")).membership();

    private int appliedSeq() {
        JsonObject snap = c.last(Events.SNAPSHOT);
        return snap.getAsJsonArray("players").get(0).getAsJsonObject().get("seq").getAsInt();
    }

    private Seat seat() {
        return h.manager.rooms().get(0).members().seats().iterator().next();
    }

    /** One input a tick for 30 ticks, after 3 idle ones: the seat is direct. Returns the last seq sent. */
    private int steadyForASecond() {
        h.ticks(3);
        int seq = 0;
        for (int t = 0; t < 30; t++) {
            m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
            h.tick();
        }
        assertFalse(seat().jitter.buffered());
        return seq;
    }

    @Test
    void aSteadyPlayersInputIsAppliedOnTheFirstTickAfterItArrived() {
        h.ticks(3);
        List<Integer> lag = new ArrayList<>(); // inputs sent but not applied, after each tick
        for (int seq = 1; seq <= 40; seq++) {
            m.offerInput(RoomTest.input(seq, 1, 0, 0, false));
            h.tick();
            lag.add(seq - appliedSeq());
        }
        // While the seat proves itself a lone input waits a tick for a partner, then none waits.
        assertEquals(1, lag.get(5), "buffered at first: " + lag);
        assertEquals(List.of(0), lag.subList(25, 40).stream().distinct().toList(), "applied at once: " + lag);
        assertFalse(seat().jitter.buffered());
    }

    @Test
    void aPlayerWhoseInputsComeInPairsKeepsTheBufferAndOneStepPerTick() {
        h.ticks(3);
        List<Integer> steps = new ArrayList<>();
        int seq = 0;
        for (int t = 0; t < 40; t++) {
            int before = t == 0 ? 0 : appliedSeq();
            if (t % 2 == 0) {
                m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
                m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
            }
            h.tick();
            steps.add(appliedSeq() - before);
        }
        assertTrue(seat().jitter.buffered());
        assertEquals(List.of(1), steps.subList(4, 40).stream().distinct().toList(), "one step a tick: " + steps);
    }

    @Test
    void aSteadyPlayerThatTurnsBurstyGoesBackToTheBuffer() {
        int seq = steadyForASecond();
        for (int t = 0; t < 12; t++) {
            if (t % 2 == 0) {
                m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
                m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
            }
            h.tick();
        }
        assertTrue(seat().jitter.buffered());
    }

    @Test
    void directInputsStillSpendTheStepBankAndTheStepsPerTickCap() {
        int seq = steadyForASecond();
        // Six at once on a direct seat: at most maxStepsPerTick (4) this tick, the rest the next.
        int before = appliedSeq();
        for (int i = 0; i < 6; i++) m.offerInput(RoomTest.input(++seq, 1, 0, 0, false));
        h.tick();
        assertEquals(h.cfg.maxStepsPerTick(), appliedSeq() - before);
    }
}
