package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.protocol.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The arena's rules at their edges: the speed cap, the map's bounds, shots that fly down or across
 * (sub-stepped like those along x), hits at exactly the hit distance, and a save that carries each
 * ship's life and the rewind history. Default physics unless a test says otherwise: shot 24 units a
 * tick at 30 Hz, ship radius 18, shot radius 4 (a hit is closer than 22).
 */
class ArenaEdgesTest {
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

    private List<ArenaEvent> hits() {
        return events.stream().filter(e -> e instanceof ArenaEvent.Hit).toList();
    }

    @Test
    void aShipNeverGoesFasterThanTheMaxSpeedInAnyDirection() {
        // accel 3000/s, drag 1/s: without the cap it would reach 2900 units/s.
        ArenaPhysics fast = new ArenaPhysics(3000, 1, 100, 18, 720, 4, 30, 6, 100, 20, 90, 60);
        ArenaMap map = new ArenaMap("open", 100_000, 100_000, List.of(), List.of(new ArenaMap.Point(0, 0)));
        Movement.Body along = new Movement.Body(50_000, 50_000, 0, 0);
        Movement.Body across = new Movement.Body(50_000, 50_000, 0, 0);
        for (int i = 0; i < 10; i++) {
            Movement.step(along, 1, 0, fast, map, 1.0 / 30);
            Movement.step(across, 1, 1, fast, map, 1.0 / 30);
        }
        assertEquals(100, along.vx, 1e-9);
        assertEquals(0, along.vy, 1e-9);
        assertEquals(Quantum.snap(100 / Math.sqrt(2)), across.vx, 1e-9, "the cap is on the speed, not each axis");
        assertEquals(across.vx, across.vy, 1e-9);
        double x = along.x;
        Movement.step(along, 1, 0, fast, map, 1.0 / 30);
        assertEquals(x + Quantum.snap(100.0 / 30), along.x, 1e-9, "a capped step moves maxSpeed * dt");
    }

    @Test
    void theMapsEdgesAndWallEdgesAreExact() {
        ArenaMap m = new ArenaMap("m", 1000, 500, List.of(new ArenaMap.Rect(100, 100, 50, 50)), List.of());
        assertFalse(m.blocked(0, 0), "the edge is inside");
        assertFalse(m.blocked(1000, 500));
        assertTrue(m.blocked(-0.01, 10));
        assertTrue(m.blocked(10, -0.01));
        assertTrue(m.blocked(1000.01, 10));
        assertTrue(m.blocked(10, 500.01));
        assertTrue(m.blocked(100, 120), "a wall's edge is wall");
        assertTrue(m.blocked(150, 150));
        assertTrue(m.blocked(120, 100));
        assertFalse(m.blocked(99.99, 120));
        assertFalse(m.blocked(150.01, 120));
        assertFalse(m.blocked(120, 99.99));
        assertFalse(m.blocked(120, 150.01));
    }

    @Test
    void aLongMoveIsScaledToUnitLengthComponentByComponent() {
        PlayerInput in = PlayerInput.decode(3, Fields.of(Map.of("moveX", 0.8, "moveY", -0.9, "aim", 1, "fire", true)));
        double len = Math.sqrt(0.8 * 0.8 + 0.9 * 0.9);
        assertEquals(0.8 / len, in.moveX(), 1e-12);
        assertEquals(-0.9 / len, in.moveY(), 1e-12);
        assertEquals(3, in.seq());
        assertEquals(-1, in.arrivalTick(), "arrival unknown");
        assertTrue(Double.isNaN(in.renderTick()));
        PlayerInput stamped = PlayerInput.DECODER.decode(4,
                Fields.of(Map.of("moveX", 0, "moveY", 0.5, "aim", 0, "fire", false, "rt", 12.5)), 14.25);
        assertEquals(0.5, stamped.moveY());
        assertEquals(12.5, stamped.renderTick());
        assertEquals(14.25, stamped.arrivalTick());
    }

    @Test
    void aShotFlyingDownIsSubSteppedLikeOneAlongX() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 1000);
        // Muzzle (1000, 1023); this tick's sub-steps at y 1031, 1039, 1047. Only 1039 passes within 22.
        Ship target = ship(s, 2, 1021, 1039);
        ArenaRules.step(s, Map.of(1, List.of(new PlayerInput(1, 0, 0, DOWN, true))), true, events);
        assertEquals(1, hits().size(), "hit between the tick's end points");
        assertEquals(80, target.hp());
        assertTrue(s.shots().isEmpty());
    }

    @Test
    void aShotExactlyTheHitDistanceAwayMisses() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 1000);
        ship(s, 2, 1022, 1039);
        ArenaRules.step(s, Map.of(1, List.of(new PlayerInput(1, 0, 0, DOWN, true))), true, events);
        assertEquals(List.of(), hits(), "22 apart: a graze is no hit");
        Shot shot = s.shots().get(0);
        assertEquals(1, shot.id());
        assertEquals(1, shot.owner());
        assertEquals(0, shot.stepX(), 1e-9);
        assertEquals(24, shot.stepY(), 1e-9);
        assertEquals(0, shot.vx(), 1e-9);
        assertEquals(720, shot.vy(), 1e-9);
    }

    @Test
    void stepsWithoutATickNumberFollowTheNewestRecordedTick() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        ship(s, 1, 1000, 1000);
        assertEquals(-1, s.rewind().newestTick());
        ArenaRules.step(s, Map.of(), true, events);
        ArenaRules.step(s, Map.of(), true, events);
        assertEquals(1, s.rewind().newestTick());
        ArenaRules.step(s, 10, Map.of(), true, events);
        ArenaRules.step(s, Map.of(), true, events);
        assertEquals(11, s.rewind().newestTick());
    }

    @Test
    void eachSpawnIsANewLife() {
        ArenaState s = open(ArenaPhysics.DEFAULT);
        Ship a = ArenaRules.addShip(s, 1, "ann");
        assertEquals(1, a.life);
        ArenaRules.resetRound(s);
        assertEquals(2, a.life);
        assertEquals("ann", a.name());
        assertEquals(1, a.id());
        assertSame(ArenaPhysics.DEFAULT, s.physics());
        assertEquals(30, s.tickRate());
    }

    @Test
    void aSaveCarriesLivesAndTheRewindHistoryAndReplacesEverything() {
        ArenaState a = open(ArenaPhysics.DEFAULT);
        Ship moving = ship(a, 1, 1000, 1000);
        ship(a, 2, 2000, 1000);
        ArenaRules.resetRound(a);
        for (int i = 0; i < 5; i++) {
            ArenaRules.step(a, Map.of(1, List.of(new PlayerInput(i + 1, 1, 0.5, 0, false))), true, events);
        }
        JsonObject saved = ArenaSave.save(a);

        ArenaState b = open(ArenaPhysics.DEFAULT);
        ship(b, 3, 10, 10); // not in the save: gone after the restore
        for (int t = 0; t < 3; t++) ArenaRules.step(b, 50 + t, Map.of(), true, events);
        ArenaSave.restore(b, saved);
        assertNull(b.ship(3));
        assertEquals(2, b.ship(1).life);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.rewind().newestTick(), b.rewind().newestTick());
        for (double t = 0; t <= 4; t += 0.5) {
            assertEquals(a.rewind().at(1, t), b.rewind().at(1, t), "tick " + t);
            assertEquals(a.rewind().at(2, t), b.rewind().at(2, t));
        }
        assertTrue(moving.y() > 1000, "it moved, so the poses differ tick to tick");

        JsonObject old = saved.deepCopy();
        old.remove("rewind");
        old.getAsJsonArray("ships").forEach(e -> e.getAsJsonObject().remove("life"));
        ArenaSave.restore(b, old);
        assertNull(b.rewind().at(1, 4), "a save without a history starts an empty one");
        assertEquals(-1, b.rewind().newestTick());
        assertEquals(0, b.ship(1).life, "a save without lives");
    }
}
