package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shots checked against what the shooter saw, on the rules' own clock (the tick numbers). The
 * shooter at (200, 500) fires along +x; its shot flies 24 units a tick and reaches a target at
 * x = 400 after about 6.5-8.3 ticks of flight. The target stands there for ticks 100..106 and is
 * gone after; the shooter fires at tick 108 having seen tick 100 (8 ticks, 267 ms, back).
 */
class LagCompensationTest {
    private final ArenaState state = new ArenaState(ArenaMap.byId("arena"), ArenaPhysics.DEFAULT, 30, 42);
    private final List<ArenaEvent> events = new ArrayList<>();
    private final Ship shooter = ArenaRules.addShip(state, 1, "shooter");
    private final Ship target = ArenaRules.addShip(state, 2, "target");
    private long tick = 100;

    LagCompensationTest() {
        shooter.protectTicks = 0;
        target.protectTicks = 0;
        place(shooter, 200, 500);
    }

    private static void place(Ship s, double x, double y) {
        s.body.x = x;
        s.body.y = y;
        s.body.vx = 0;
        s.body.vy = 0;
    }

    /** Ticks 100..106 with the target on the line, then it leaves (tick 107). */
    private void targetCrossesThenLeaves() {
        place(target, 400, 500);
        while (tick <= 106) idle();
        place(target, 400, 800);
        idle();
    }

    private void idle() {
        ArenaRules.step(state, tick++, Map.of(), true, events);
    }

    private void fire(double view) {
        ArenaRules.step(state, tick++, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true, view))), true, events);
        for (int i = 0; i < 30; i++) idle();
    }

    private List<ArenaEvent.Hit> hits() {
        return events.stream().filter(e -> e instanceof ArenaEvent.Hit).map(e -> (ArenaEvent.Hit) e).toList();
    }

    @Test
    void aShotHitsWhereTheShooterSawTheTarget() {
        targetCrossesThenLeaves();
        fire(100);
        assertEquals(1, hits().size(), "hit where the shooter saw it");
        ArenaEvent.Hit h = hits().get(0);
        assertEquals(2, h.target());
        assertEquals(1, h.attacker());
        assertEquals(80, target.hp());
    }

    @Test
    void withoutARenderTickTheServersPresentDecides() {
        targetCrossesThenLeaves();
        fire(Double.NaN);
        assertEquals(0, hits().size());
        assertEquals(100, target.hp());
    }

    @Test
    void theRewindIsClamped() {
        // On the line for ticks 95..101 only. A view of tick 89 would put the target on the line;
        // 23 ticks back is clamped to 8, where the target had long left.
        tick = 90;
        place(target, 400, 800);
        while (tick < 95) idle();
        place(target, 400, 500);
        while (tick <= 101) idle();
        place(target, 400, 800);
        while (tick < 112) idle();
        fire(89);
        assertEquals(0, hits().size(), "a claimed old view buys nothing beyond the bound");
        assertEquals(8, state.rewind().maxTicks());
    }

    /**
     * On the line for ticks 95..101 only; the shooter saw tick 95, its input arrived for tick 102 (7
     * ticks: within the bound) and waited {@code waited} ticks in the server's queue.
     */
    private void queuedFire(long waited, long arrival) {
        tick = 90;
        place(target, 400, 800);
        while (tick < 95) idle();
        place(target, 400, 500);
        while (tick <= 101) idle();
        place(target, 400, 800);
        while (tick < 102 + waited) idle();
        ArenaRules.step(state, tick++, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true, 95, arrival))), true, events);
        for (int i = 0; i < 30; i++) idle();
    }

    @Test
    void theServersOwnQueueingDoesNotCountAgainstTheShooter() {
        // Applied at tick 105, 10 ticks after the view: measured from the arrival it is 7.
        queuedFire(3, 102);
        assertEquals(1, hits().size(), "hit where the shooter saw it, though the input waited 3 ticks");
    }

    @Test
    void withoutItsArrivalTheSameInputIsClampedFromTheTickItIsApplied() {
        queuedFire(3, -1);
        assertEquals(0, hits().size(), "10 ticks back from the tick applied: clamped to 8, the target had left");
    }

    @Test
    void theServersQueueingIsHonouredOnlyUpToItsAllowance() {
        // Waited 6 ticks (a backlog): 4 are honoured, the view is clamped to tick 96.
        queuedFire(6, 102);
        assertEquals(0, hits().size());
    }

    @Test
    void theShotLeavesAtTheRightPlaceAndFlewItsCatchUp() {
        place(target, 400, 800);
        while (tick <= 107) idle();
        ArenaRules.step(state, tick++, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true, 104))), true, events);
        Shot s = state.shots().get(0);
        // Fired at tick 108 having seen tick 104: 1 + 4 ticks of flight from the muzzle (223, 500).
        assertEquals(223 + 5 * 24, s.x(), 1e-9);
        assertEquals(500, s.y(), 1e-9);
    }

    @Test
    void spawnProtectionAtTheViewAbsorbsTheShot() {
        target.protectTicks = 8; // protected through tick 106, as the shooter saw it; not any more
        targetCrossesThenLeaves();
        assertEquals(0, target.protectTicks);
        fire(100);
        assertEquals(0, hits().size());
        assertTrue(state.shots().isEmpty(), "absorbed, not flying on");
    }

    @Test
    void aTargetThatDiedSinceTakesNoDamage() {
        targetCrossesThenLeaves();
        target.respawnTicks = 50; // killed by someone else meanwhile
        fire(100);
        assertEquals(0, hits().size());
    }

    @Test
    void aTargetThatRespawnedSinceIsAnotherLife() {
        targetCrossesThenLeaves();
        target.life++; // died and came back elsewhere: not the ship the shooter saw
        fire(100);
        assertEquals(0, hits().size());
    }

    @Test
    void aTargetDeadAtTheViewIsNotThere() {
        target.respawnTicks = 1000;
        targetCrossesThenLeaves();
        fire(100);
        assertEquals(0, hits().size());
    }
}
