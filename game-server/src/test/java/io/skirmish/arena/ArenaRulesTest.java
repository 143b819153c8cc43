package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArenaRulesTest {
    static final int TICK_RATE = 30;

    private final ArenaState state = new ArenaState(ArenaMap.byId("arena"), ArenaPhysics.DEFAULT, TICK_RATE, 42);
    private final List<ArenaEvent> events = new ArrayList<>();
    private int seq;

    private void step(Map<Integer, List<PlayerInput>> inputs, boolean combat) {
        ArenaRules.step(state, inputs, combat, events);
    }

    private PlayerInput input(double mx, double my, double aim, boolean fire) {
        return new PlayerInput(++seq, mx, my, aim, fire);
    }

    private static void place(Ship s, double x, double y) {
        s.body.x = x;
        s.body.y = y;
        s.body.vx = 0;
        s.body.vy = 0;
    }

    @Test
    void moveXIsWorldPlusXAndMoveYIsWorldPlusYWhateverTheAim() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        place(a, 500, 700);
        for (int i = 0; i < 10; i++) {
            step(Map.of(1, List.of(input(1, 0, Math.PI, false))), false); // aiming left, moving right
        }
        assertTrue(a.x() > 500 + 20, "moved right: " + a.x());
        assertEquals(700, a.y(), 1e-9);
        assertEquals(Math.PI, Math.abs(a.aim()), 1e-9, "faces its aim");
        double x = a.x();
        for (int i = 0; i < 30; i++) {
            step(Map.of(1, List.of(input(0, 1, 0, false))), false);
        }
        assertTrue(a.y() > 700 + 20, "moved down: " + a.y());
        assertTrue(a.x() > x, "kept drifting right while turning down");
    }

    @Test
    void aShipWithoutInputsStaysPut() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        place(a, 500, 700);
        a.body.vx = 100;
        step(Map.of(), false);
        assertEquals(500, a.x(), 0);
        assertEquals(100, a.vx(), 0, "velocity is kept for the next step");
    }

    @Test
    void shipsNeverEnterWallsOrLeaveTheArena() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        SplittableRandom rng = new SplittableRandom(3);
        double r = ArenaPhysics.DEFAULT.shipRadius();
        for (int i = 0; i < 3000; i++) {
            double mx = rng.nextDouble() * 2 - 1, my = rng.nextDouble() * 2 - 1;
            step(Map.of(1, List.of(input(mx, my, 0, false))), false);
            assertTrue(a.x() >= r - 1e-9 && a.x() <= 1600 - r + 1e-9, "x in arena at step " + i);
            assertTrue(a.y() >= r - 1e-9 && a.y() <= 1000 - r + 1e-9, "y in arena at step " + i);
            for (ArenaMap.Rect w : state.map().walls()) {
                double cx = Math.max(w.x(), Math.min(a.x(), w.x() + w.w()));
                double cy = Math.max(w.y(), Math.min(a.y(), w.y() + w.h()));
                double d = Math.sqrt((a.x() - cx) * (a.x() - cx) + (a.y() - cy) * (a.y() - cy));
                assertTrue(d >= r - 1e-6, "overlaps wall " + w + " by " + (r - d) + " at step " + i);
            }
        }
    }

    @Test
    void aShotHitsDamagesAndAKillScoresAndRespawnsWithProtection() {
        ArenaPhysics p = ArenaPhysics.DEFAULT;
        Ship a = ArenaRules.addShip(state, 1, "a");
        Ship b = ArenaRules.addShip(state, 2, "b");
        place(a, 100, 700);
        place(b, 260, 700);
        a.protectTicks = 0;
        b.protectTicks = 0;
        int shotsToKill = p.maxHp() / p.shotDamage();
        int hits = 0;
        for (int t = 0; t < 400 && b.alive(); t++) {
            step(Map.of(1, List.of(input(0, 0, 0, true))), true);
            hits = (int) events.stream().filter(e -> e instanceof ArenaEvent.Hit).count();
        }
        assertFalse(b.alive(), "b was killed");
        assertEquals(shotsToKill, hits);
        assertEquals(1, a.score());
        assertEquals(1, a.kills());
        assertEquals(1, b.deaths());
        assertTrue(events.stream().anyMatch(e -> e.equals(new ArenaEvent.Kill(2, 1))));
        assertEquals(Ship.DEAD, b.status());
        for (int t = 0; t < p.respawnTicks(); t++) {
            step(Map.of(), true);
        }
        assertTrue(b.alive(), "respawned after respawnTicks");
        assertEquals(p.maxHp(), b.hp());
        assertEquals(Ship.PROTECTED, b.status());
        assertTrue(events.stream().anyMatch(e -> e instanceof ArenaEvent.Respawn rs && rs.player() == 2));
    }

    @Test
    void spawnProtectedShipsAndShipsOutsideARoundTakeNoDamage() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        Ship b = ArenaRules.addShip(state, 2, "b");
        place(a, 100, 700);
        place(b, 200, 700);
        a.protectTicks = 0;
        b.protectTicks = 1000;
        for (int t = 0; t < 60; t++) {
            step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        }
        assertEquals(100, b.hp(), "protected");
        b.protectTicks = 0;
        for (int t = 0; t < 60; t++) {
            step(Map.of(1, List.of(input(0, 0, 0, true))), false);
        }
        assertEquals(100, b.hp(), "no combat outside a round");
    }

    @Test
    void firingEndsSpawnProtectionAndRespectsTheCooldown() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        place(a, 100, 700);
        assertEquals(Ship.PROTECTED, a.status());
        step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        assertEquals(Ship.ALIVE, a.status());
        assertEquals(1, state.shots().size());
        for (int t = 0; t < ArenaPhysics.DEFAULT.fireCooldownTicks() - 1; t++) {
            step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        }
        assertEquals(1, state.shots().size(), "cooldown holds");
        step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        assertEquals(2, state.shots().size());
    }

    @Test
    void theFireCooldownCountsInputsNotTicks() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        place(a, 100, 700);
        step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        assertEquals(1, state.nextShotId - 1, "fired");
        // Ticks without inputs (held in the jitter buffer, a stall) do not count down the cooldown:
        // the client, which counts its inputs, fires its next shot on the same input as the server.
        for (int t = 0; t < 10; t++) step(Map.of(), true);
        for (int i = 0; i < ArenaPhysics.DEFAULT.fireCooldownTicks() - 1; i++) {
            step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        }
        assertEquals(1, state.nextShotId - 1, "5 inputs after the first shot: still cooling down");
        // A tick that catches up with two inputs: the sixth input fires; the seventh only moves.
        step(Map.of(1, List.of(input(1, 0, 0, true), input(1, 0, 0, true))), true);
        assertEquals(2, state.nextShotId - 1);
        assertEquals(ArenaPhysics.DEFAULT.fireCooldownTicks() - 1, a.cooldown, "one input since the shot");
    }

    @Test
    void shotsStopAtWalls() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        place(a, 600, 500); // the centre block starts at x=700
        step(Map.of(1, List.of(input(0, 0, 0, true))), true);
        for (int t = 0; t < 10; t++) {
            step(Map.of(), true);
        }
        assertTrue(state.shots().isEmpty(), "the shot hit the wall");
    }

    @Test
    void aNewRoundResetsScoresAndRespawnsEveryone() {
        Ship a = ArenaRules.addShip(state, 1, "a");
        a.score = 5;
        a.kills = 5;
        a.deaths = 2;
        a.respawnTicks = 10;
        ArenaRules.resetRound(state);
        assertEquals(0, a.score());
        assertEquals(0, a.deaths());
        assertTrue(a.alive());
    }

    @Test
    void sameSeedAndInputsGiveTheSameStateHash() {
        long h1 = playScript(99);
        long h2 = playScript(99);
        long h3 = playScript(100);
        assertEquals(h1, h2);
        assertNotEquals(h1, h3, "the seed matters (spawns)");
    }

    private static long playScript(long seed) {
        ArenaState s = new ArenaState(ArenaMap.byId("pillars"), ArenaPhysics.DEFAULT, TICK_RATE, seed);
        List<ArenaEvent> ev = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(1234);
        for (int id = 1; id <= 6; id++) {
            ArenaRules.addShip(s, id, "p" + id);
        }
        int seq = 0;
        for (int t = 0; t < 1500; t++) {
            Map<Integer, List<PlayerInput>> in = new HashMap<>();
            for (int id = 1; id <= 6; id++) {
                in.put(id, List.of(new PlayerInput(++seq, rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1,
                        rng.nextDouble() * 6.28, rng.nextInt(3) == 0)));
            }
            ArenaRules.step(s, in, true, ev);
        }
        assertTrue(ev.stream().anyMatch(e -> e instanceof ArenaEvent.Kill), "the script exercises combat");
        return s.hash();
    }
}
