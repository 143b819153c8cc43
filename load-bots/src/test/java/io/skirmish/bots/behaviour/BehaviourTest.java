package io.skirmish.bots.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BehaviourTest {
    private static final double W = 1600;
    private static final double H = 1000;

    private static Ship ship(int id, double x, double y, int st) {
        return new Ship(id, x, y, 0, 0, st);
    }

    private static WorldView view(Ship self, Ship... others) {
        List<Ship> all = new ArrayList<>(List.of(others));
        all.add(self);
        return new WorldView(self, all, W, H);
    }

    @Test
    void fightAimsAtTheNearestLivingEnemyAndFiresInRange() {
        Behaviour fight = BehaviourKind.FIGHT.create(new SplittableRandom(7));
        Ship me = ship(1, 500, 500, 0);
        Ship nearDead = ship(2, 520, 500, Ship.DEAD);
        Ship near = ship(3, 500, 800, 0); // straight down, 300 away
        Ship far = ship(4, 1500, 500, 0);
        Intent in = fight.next(view(me, nearDead, near, far));
        assertEquals(Math.PI / 2, in.aim(), 0.1, "aims down at ship 3");
        assertTrue(in.fire());
    }

    @Test
    void fightClosesInOnAFarEnemyAndHoldsFire() {
        Behaviour fight = BehaviourKind.FIGHT.create(new SplittableRandom(7));
        Intent in = fight.next(view(ship(1, 100, 500, 0), ship(2, 1500, 500, 0)));
        assertTrue(in.moveX() > 0.5, "moves right, towards the enemy");
        assertFalse(in.fire());
    }

    @Test
    void fightWandersWhenAlone() {
        Behaviour fight = BehaviourKind.FIGHT.create(new SplittableRandom(7));
        Intent in = fight.next(view(ship(1, 800, 500, 0)));
        assertFalse(in.fire());
        assertTrue(Math.hypot(in.moveX(), in.moveY()) > 0.5, "moves somewhere");
    }

    @Test
    void wanderHeadsForAPointInsideTheArena() {
        Behaviour wander = BehaviourKind.WANDER.create(new SplittableRandom(3));
        Ship me = ship(1, 10, 10, 0); // the top-left corner: any target is down and right
        Intent in = wander.next(view(me));
        assertTrue(in.moveX() > 0 && in.moveY() > 0);
        assertEquals(Math.atan2(in.moveY(), in.moveX()), in.aim(), 1e-9, "faces where it goes");
        assertFalse(in.fire());
    }

    @Test
    void idleStandsStillButKeepsItsFacing() {
        Behaviour idle = BehaviourKind.IDLE.create(new SplittableRandom(1));
        Intent in = idle.next(view(new Ship(1, 100, 100, 1.25, 0, 0)));
        assertEquals(new Intent(0, 0, 1.25, false), in);
    }

    @Test
    void everyBehaviourWaitsForItsShip() {
        for (BehaviourKind kind : BehaviourKind.values()) {
            Intent in = kind.create(new SplittableRandom(1)).next(WorldView.empty(W, H));
            assertEquals(0, in.moveX(), kind.name());
            assertEquals(0, in.moveY(), kind.name());
            assertFalse(in.fire(), kind.name());
        }
    }

    @Test
    void theSameSeedMakesTheSameChoices() {
        for (BehaviourKind kind : BehaviourKind.values()) {
            assertEquals(play(kind, 42), play(kind, 42), kind.name());
        }
        assertFalse(play(BehaviourKind.WANDER, 42).equals(play(BehaviourKind.WANDER, 43)));
    }

    private static List<Intent> play(BehaviourKind kind, long seed) {
        Behaviour b = kind.create(new SplittableRandom(seed));
        List<Intent> out = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            out.add(b.next(view(ship(1, 200 + t, 300, 0), ship(2, 700, 300 + t, 0))));
        }
        return out;
    }

    private static WorldView tag(int it, Ship self, Ship... others) {
        WorldView v = view(self, others);
        return new WorldView(v.self(), v.ships(), W, H, it);
    }

    private static Behaviour chase(long seed) {
        return Behaviours.create("tag", "fight", new SplittableRandom(seed)); // tag has no fight: its default
    }

    @Test
    void tagItRunsAtTheNearestPlayer() {
        Ship me = ship(1, 500, 500, 0);
        Intent in = chase(1).next(tag(1, me, ship(2, 500, 800, 0), ship(3, 1500, 500, 0)));
        assertEquals(0, in.moveX(), 1e-9);
        assertEquals(1, in.moveY(), 1e-9, "straight down at player 2, the nearer");
    }

    @Test
    void tagOthersRunFromItWhenItIsNear() {
        Intent in = chase(1).next(tag(2, ship(1, 800, 500, 0), ship(2, 700, 500, 0), ship(3, 1200, 900, 0)));
        assertEquals(1, in.moveX(), 1e-9, "straight away from it, to the right");
        assertEquals(0, in.moveY(), 1e-9);
    }

    @Test
    void tagFleeingSlidesAlongAWallInsteadOfIntoIt() {
        Ship me = ship(1, W - 20, 500, 0); // against the right wall, it to the left and a little above
        Intent in = chase(1).next(tag(2, me, ship(2, W - 220, 450, 0)));
        assertTrue(in.moveY() > 0.9, "slides down along the wall: " + in);
        assertTrue(Math.abs(in.moveX()) < 0.3, "not into the wall: " + in);
    }

    @Test
    void tagWandersWhileItIsFarOrNobodyIsIt() {
        Ship me = ship(1, 300, 300, 0);
        Ship farIt = ship(2, 300 + Chase.FLEE_RADIUS + 50, 300, 0);
        Intent wander = BehaviourKind.WANDER.create(new SplittableRandom(5)).next(view(me, farIt));
        assertEquals(wander, chase(5).next(tag(2, me, farIt)));
        assertEquals(wander, chase(5).next(tag(0, me, farIt)));
    }

    @Test
    void intentsAreClampedAndFinite() {
        Intent in = new Intent(3, -7, 1, false);
        assertEquals(1, in.moveX());
        assertEquals(-1, in.moveY());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Intent(Double.NaN, 0, 0, false));
    }
}
