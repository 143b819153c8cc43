package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A compensated shot's first step in any direction: fired down at tick 20 having seen tick 18, it
 * flies 3 ticks (72 units) at once from the muzzle (1000, 1023), in 9 sub-steps of 8 (y 1031 ..
 * 1095), each checked against the targets as the shooter saw them. A hit is closer than 22 (ship
 * radius 18 + shot radius 4).
 */
class LagCompensationEdgesTest {
    private static final double DOWN = Math.PI / 2;
    private final List<ArenaEvent> events = new ArrayList<>();

    private static ArenaState open(ArenaPhysics p) {
        return new ArenaState(new ArenaMap("open", 4000, 4000, List.of(), List.of(new ArenaMap.Point(2000, 2000))),
                p, 30, 1);
    }

    private static Ship ship(ArenaState s, int id, double x, double y) {
        Ship ship = ArenaRules.addShip(s, id, "p" + id);
        ship.body.x = x;
        ship.body.y = y;
        ship.protectTicks = 0;
        return ship;
    }

    /** Ticks 0..19 recorded with everyone still; then ship 1 fires down at tick 20, having seen tick 18. */
    private void fireDownAt20(ArenaState s) {
        for (long t = 0; t < 20; t++) ArenaRules.step(s, t, Map.of(), true, events);
        ArenaRules.step(s, 20, Map.of(1, List.of(new PlayerInput(1, 0, 0, DOWN, true, 18))), true, events);
    }

    private long hits() {
        return events.stream().filter(e -> e instanceof ArenaEvent.Hit).count();
    }

    @Test
    void aCompensatedShotDownHitsATargetBesideItsPathAndEnds() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 1000);
        Ship target = ship(s, 2, 1020, 1063); // 20 beside the path, far from the end point (1000, 1095)
        fireDownAt20(s);
        assertEquals(1, hits());
        assertEquals(80, target.hp());
        assertTrue(s.shots().isEmpty(), "a shot that hit is gone");
    }

    @Test
    void exactlyTheHitDistanceAwayACompensatedShotMissesAndFliesOnOnTheGrid() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 1000);
        ship(s, 2, 1022, 1063);
        fireDownAt20(s);
        assertEquals(0, hits());
        Shot shot = s.shots().get(0);
        assertEquals(1000, shot.x(), 1e-9);
        assertEquals(1023 + 72, shot.y(), 1e-9, "three ticks of flight");
        assertEquals(ArenaPhysics.DEFAULT.shotTtlTicks() - 3, shot.ttl, "its three ticks of life spent");
        ArenaRules.step(s, 21, Map.of(), true, events);
        assertEquals(1023 + 96, shot.y(), 1e-9, "then a tick's step a tick");
    }

    @Test
    void aCompensatedShotIntoTheMapsEdgeIsGone() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 3950); // muzzle at 3973: 72 units down crosses the edge at 4000
        fireDownAt20(s);
        assertTrue(s.shots().isEmpty());
    }

    @Test
    void aShotWhoseLifeIsSpentInItsCompensatedStepEndsThere() {
        // A shot lives 3 ticks: all of them spent in the first step.
        ArenaState s = open(new ArenaPhysics(1400, 4, 320, 18, 720, 4, 3, 6, 100, 20, 90, 60));
        ship(s, 1, 1000, 1000);
        fireDownAt20(s);
        assertTrue(s.shots().isEmpty());
    }
}
