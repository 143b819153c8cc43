package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewind history on a manual clock: the tick numbers it is fed are its only time. */
class RewindHistoryTest {
    private final Ship ship = new Ship(7, "t");

    private void at(RewindHistory h, long tick, double x) {
        ship.body.x = x;
        ship.body.y = 100;
        h.record(tick, List.of(ship));
    }

    @Test
    void boundIsAbout250msOfTicks() {
        assertEquals(8, RewindHistory.ticksFor(30, 250));
        assertEquals(15, RewindHistory.ticksFor(60, 250));
        assertEquals(5, RewindHistory.ticksFor(20, 250));
        ArenaState s = new ArenaState(ArenaMap.byId("arena"), ArenaPhysics.DEFAULT, 30, 1);
        assertEquals(8, s.rewind().maxTicks());
        assertEquals(4, s.rewind().waitTicks(), "the server's own queueing honoured on top, in ticks");
    }

    @Test
    void theBoundCountsFromTheInputsArrivalAndTheServersQueueIsHonouredUpToItsAllowance() {
        RewindHistory h = new RewindHistory(8, 4);
        for (long t = 0; t <= 40; t++) at(h, t, t);
        // Applied at tick 40, arrived for tick 37: it waited 3 ticks in the server's queue, so a view
        // may be 8 ticks before 37, i.e. 11 before now.
        assertEquals(29, h.clamp(40, 37, 10), 1e-9, "8 ticks before the arrival, not before now");
        assertEquals(31.5, h.clamp(40, 37, 31.5), 1e-9);
        assertEquals(29.5, h.clamp(40, 37.5, 10), 1e-9, "arrivals are measured in fractions of a tick");
        assertEquals(40, h.clamp(40, 37, 55), 1e-9, "a view of the future is the present");
        assertEquals(40, h.clamp(40, 37, Double.NaN), 1e-9, "no view: no rewind");
        // Waited 10 ticks (a backlog): only 4 of them are honoured, 12 ticks before now at most.
        assertEquals(28, h.clamp(40, 30, 10), 1e-9);
        // Unknown arrival, or one the clock cannot have seen: measured from now.
        assertEquals(32, h.clamp(40, -1, 10), 1e-9);
        assertEquals(32, h.clamp(40, 41, 10), 1e-9, "an arrival after the tick it is applied in is now");
        assertEquals(32, h.clamp(40, 10), 1e-9, "the two-argument clamp: arrived for now");
        // 8 + 4 + 1 ticks are kept, no more.
        assertEquals(28, h.at(7, 10).x(), 1e-9);
    }

    @Test
    void withoutAnAllowanceTheArrivalChangesNothingBeyondTheSpan() {
        RewindHistory h = new RewindHistory(8);
        for (long t = 0; t <= 40; t++) at(h, t, t);
        assertEquals(32, h.clamp(40, 37, 10), 1e-9, "only what is kept can be honoured");
    }

    @Test
    void answersRecordedTicksAndInterpolatesBetweenThem() {
        RewindHistory h = new RewindHistory(8);
        for (long t = 100; t <= 105; t++) at(h, t, t * 10);
        assertEquals(1020, h.at(7, 102).x(), 1e-9);
        assertEquals(1025, h.at(7, 102.5).x(), 1e-9);
        assertEquals(1050, h.at(7, 105).x(), 1e-9);
        assertNull(h.at(8, 103), "a ship that was not there");
    }

    @Test
    void keepsOnlyTheBoundAndClampsOlderViews() {
        RewindHistory h = new RewindHistory(8);
        for (long t = 0; t <= 40; t++) at(h, t, t);
        // Now is tick 40: views reach back to tick 32 at most.
        assertEquals(40, h.clamp(40, 40), 1e-9);
        assertEquals(35.5, h.clamp(40, 35.5), 1e-9);
        assertEquals(32, h.clamp(40, 10), 1e-9, "an old view is clamped to the bound");
        assertEquals(40, h.clamp(40, 55), 1e-9, "a view of the future is the present");
        assertEquals(40, h.clamp(40, Double.NaN), 1e-9, "no view: no rewind");
        assertEquals(32, h.at(7, 10).x(), 1e-9, "nothing older than the bound is kept");
    }

    @Test
    void clampsToWhatWasRecordedAfterAStart() {
        RewindHistory h = new RewindHistory(8);
        at(h, 5, 50);
        at(h, 6, 60);
        assertEquals(5, h.clamp(6, 0), 1e-9);
    }

    @Test
    void aReusedSlotHoldsOnlyTheShipsOfItsOwnTick() {
        RewindHistory h = new RewindHistory(1); // two slots: the third tick overwrites the first
        Ship other = new Ship(9, "o");
        other.body.x = 900;
        ship.body.x = 70;
        h.record(1, List.of(ship, other));
        h.record(2, List.of(ship, other));
        h.record(3, List.of(ship));
        assertEquals(70, h.at(7, 3).x(), 1e-9);
        assertNull(h.at(9, 3), "ship 9 was not there at tick 3, whatever the slot held before");
        assertEquals(900, h.at(9, 2).x(), 1e-9);
    }

    @Test
    void aTickWithManyShipsKeepsThemAll() {
        RewindHistory h = new RewindHistory(8);
        List<Ship> many = new java.util.ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            Ship s = new Ship(id, "s" + id);
            s.body.x = id * 10;
            s.body.y = -id;
            many.add(s);
        }
        h.record(4, many);
        h.record(5, many);
        for (int id = 1; id <= 20; id++) {
            assertEquals(id * 10, h.at(id, 4.5).x(), 1e-9, "ship " + id);
            assertEquals(-id, h.at(id, 5).y(), 1e-9, "ship " + id);
        }
    }

    @Test
    void whatIsSavedIsRestoredTickForTick() {
        RewindHistory h = new RewindHistory(8, 4);
        for (long t = 20; t <= 24; t++) at(h, t, t * 3);
        var saved = h.save();
        assertEquals(5, saved.size(), "the recorded ticks, no more");
        RewindHistory back = new RewindHistory(8, 4);
        back.restore(saved);
        assertEquals(24, back.newestTick());
        assertEquals(h.clamp(24, 0), back.clamp(24, 0), 1e-9);
        for (double t = 20; t <= 24; t += 0.5) {
            assertEquals(h.at(7, t).x(), back.at(7, t).x(), 1e-9, "tick " + t);
        }
        assertEquals(saved, back.save());
        RewindHistory small = new RewindHistory(1);
        small.restore(saved);
        assertEquals(24, small.newestTick(), "a shorter history keeps the newest ticks");
        assertEquals(23, small.clamp(24, 0), 1e-9);
    }

    @Test
    void aRespawnBetweenTwoTicksIsNotInterpolated() {
        RewindHistory h = new RewindHistory(8);
        ship.life = 1;
        at(h, 1, 100);
        ship.life = 2;
        at(h, 2, 1400);
        assertEquals(100, h.at(7, 1.3).x(), 1e-9);
        assertEquals(1400, h.at(7, 1.7).x(), 1e-9);
        assertEquals(2, h.at(7, 1.7).life());
    }

    @Test
    void remembersDeathAndProtection() {
        RewindHistory h = new RewindHistory(8);
        ship.respawnTicks = 10;
        at(h, 1, 100);
        ship.respawnTicks = 0;
        ship.protectTicks = 5;
        at(h, 2, 100);
        assertFalse(h.at(7, 1).alive());
        assertTrue(h.at(7, 2).alive());
        assertTrue(h.at(7, 2).protectedShip());
    }

    @Test
    void aTickNotAfterTheNewestStartsANewTimeline() {
        RewindHistory h = new RewindHistory(8);
        for (long t = 10; t <= 12; t++) at(h, t, t);
        at(h, 3, 3);
        assertEquals(3, h.newestTick());
        assertEquals(3, h.at(7, 11).x(), 1e-9);
    }

    @Test
    void theSameTickAgainStartsANewTimelineToo() {
        RewindHistory h = new RewindHistory(8);
        at(h, 5, 50);
        at(h, 6, 60);
        at(h, 6, 70);
        assertEquals(70, h.at(7, 5).x(), 1e-9, "only the new tick 6 is left");
    }

    @Test
    void boundsMayBeZeroButNotNegative() {
        RewindHistory none = new RewindHistory(0, 0);
        at(none, 1, 10);
        at(none, 2, 20);
        assertEquals(20, none.at(7, 1).x(), 1e-9, "no rewind: only now is kept");
        assertEquals(2, none.clamp(2, 0.5), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new RewindHistory(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RewindHistory(0, -1));
    }

    @Test
    void anArrivalAtTickZeroIsAKnownArrival() {
        RewindHistory h = new RewindHistory(8, 4);
        for (long t = 0; t <= 10; t++) at(h, t, t);
        assertEquals(0, h.clamp(10, 0, -5), 1e-9, "8 before an arrival at 0, and no older than recorded");
        assertEquals(2, h.clamp(10, -0.5, -5), 1e-9, "a negative arrival is unknown: 8 before now");
    }

    @Test
    void bothAxesAreInterpolated() {
        RewindHistory h = new RewindHistory(8);
        ship.body.x = 100;
        ship.body.y = 10;
        h.record(1, List.of(ship));
        ship.body.x = 200;
        ship.body.y = 30;
        h.record(2, List.of(ship));
        RewindHistory.Pose p = h.at(7, 1.25);
        assertEquals(125, p.x(), 1e-9);
        assertEquals(15, p.y(), 1e-9);
    }

    @Test
    void aShipThatCameOrWentBetweenTwoTicksIsTheNearerOne() {
        RewindHistory h = new RewindHistory(8);
        Ship other = new Ship(9, "o");
        h.record(1, List.of(ship));
        h.record(2, List.of(ship, other));
        assertNull(h.at(9, 1.25), "not there yet");
        assertEquals(0, h.at(9, 1.75).x(), 1e-9);
        h.record(3, List.of(ship));
        assertEquals(0, h.at(9, 2.25).x(), 1e-9);
        assertNull(h.at(9, 2.75), "gone");
    }

    @Test
    void halfWayAcrossARespawnIsTheNewLife() {
        RewindHistory h = new RewindHistory(8);
        ship.life = 1;
        at(h, 1, 100);
        ship.life = 2;
        at(h, 2, 1400);
        assertEquals(2, h.at(7, 1.5).life());
    }

    @Test
    void ticksWithGapsAreFoundByTheirNumber() {
        RewindHistory h = new RewindHistory(8);
        at(h, 10, 100);
        at(h, 12, 120);
        at(h, 14, 140);
        assertEquals(120, h.at(7, 12).x(), 1e-9, "not the frame at 12's offset (14)");
        assertEquals(120, h.at(7, 11.5).x(), 1e-9, "no tick 11: the next one");
        assertEquals(120, h.at(7, 12.5).x(), 1e-9, "no tick 13: the one before");
        assertNull(h.at(7, 11), "no tick 11 and no fraction: not known");
        assertNull(h.at(7, 13));
        RewindHistory sparse = new RewindHistory(8);
        at(sparse, 0, 0);
        at(sparse, 5, 50);
        assertNull(sparse.at(7, 2), "an offset past the frames is searched, not read");
    }
}
