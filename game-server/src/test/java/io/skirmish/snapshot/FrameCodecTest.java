package io.skirmish.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Encode then decode gives the frame back exactly: random chains, and the edges one by one. */
class FrameCodecTest {
    static final int TICK_RATE = 30;

    @Test
    void randomChainsRoundTripAsDeltasAndAsKeyframes() {
        for (long seed = 1; seed <= 40; seed++) {
            RandomFrames gen = new RandomFrames(seed);
            Frame prev = gen.next();
            Frame held = FrameDecoder.decode(null, FrameEncoder.keyframe(prev));
            assertEquals(prev, held, "keyframe, seed " + seed);
            for (int i = 0; i < 300; i++) {
                Frame f = gen.next();
                held = FrameDecoder.decode(held, FrameEncoder.delta(prev, f));
                assertEquals(f, held, "delta " + i + ", seed " + seed);
                assertEquals(f, FrameDecoder.decode(null, FrameEncoder.keyframe(f)), "keyframe " + i + ", seed " + seed);
                prev = f;
            }
        }
    }

    @Test
    void spectatorCopiesCarryTheirDelayAndFollowTheSameChain() {
        for (long delay : new long[] {0, 2000, 1L << 40}) {
            RandomFrames gen = new RandomFrames(delay + 11);
            Frame prev = gen.next();
            byte[] key = FrameEncoder.keyframe(prev);
            byte[] spectatorKey = FrameEncoder.withDelay(key, delay);
            assertArrayEquals(FrameEncoder.keyframe(prev.withDelay(delay)), spectatorKey, "spliced = encoded, keyframe");
            Frame held = FrameDecoder.decode(null, spectatorKey);
            assertEquals(prev.withDelay(delay), held);
            assertEquals(delay, held.delayMs());
            for (int i = 0; i < 100; i++) {
                Frame f = gen.next();
                byte[] d = FrameEncoder.withDelay(FrameEncoder.delta(prev, f), delay);
                assertArrayEquals(FrameEncoder.delta(prev, f.withDelay(delay)), d, "spliced = encoded, delta " + i);
                assertEquals(f, FrameDecoder.decode(held, FrameEncoder.delta(prev, f)),
                        "a player's delta applies to a spectator's copy and gives a live copy");
                held = FrameDecoder.decode(held, d);
                assertEquals(f.withDelay(delay), held, "delta " + i + ", delay " + delay);
                prev = f;
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> FrameEncoder.withDelay(FrameEncoder.withDelay(FrameEncoder.keyframe(frame(1, List.of(), List.of())), 5), 5));
        assertThrows(IllegalArgumentException.class, () -> frame(1, List.of(), List.of()).withDelay(-2));
    }

    @Test
    void aKeyframeAfterSkippedSnapshotsRebuildsTheStateExactly() {
        RandomFrames gen = new RandomFrames(7);
        Frame first = gen.next();
        Frame held = FrameDecoder.decode(null, FrameEncoder.keyframe(first));
        Frame prev = first;
        Frame skipped = null;
        for (int i = 0; i < 5; i++) {
            skipped = gen.next(); // the client receives none of these
            prev = skipped;
        }
        Frame now = gen.next();
        byte[] delta = FrameEncoder.delta(prev, now);
        Frame stale = held;
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(stale, delta),
                "a delta on the wrong base is refused, not applied");
        assertEquals(now, FrameDecoder.decode(held, FrameEncoder.keyframe(now)));
    }

    @Test
    void joinsLeavesAndDeathsMidDelta() {
        Frame a = frame(100, List.of(ship(1, 100, 100, 0), ship(2, 200, 200, 0), ship(3, 300, 300, 0)), List.of());
        Frame.ShipRec dead = new Frame.ShipRec(2, 6400, 6400, 0, 0, 5, 0, 17, 2, 90, 0, 0, 1, true);
        Frame b = frame(101, List.of(ship(1, 110, 100, 320), dead, ship(4, 900, 40, 0)), List.of()); // 3 left, 4 joined
        Frame.ShipRec dying = new Frame.ShipRec(2, 6400, 6400, 0, 0, 5, 0, 17, 2, 89, 0, 0, 1, false); // counts down, drops
        Frame c = frame(102, List.of(dying, ship(4, 900, 41, 0), ship(5, 1, 1, 0)), List.of()); // 1 left, 5 joined
        assertChain(a, b, c);
    }

    @Test
    void shotsAppearMoveAndVanish() {
        Frame.ShipRec owner = ship(1, 100, 100, 0);
        Frame a = frame(10, List.of(owner), List.of(new Frame.ShotRec(40, 1, 4000, 4000, 768, 0)));
        Frame b = frame(11, List.of(owner), List.of(new Frame.ShotRec(40, 1, 4768, 4000, 768, 0),
                new Frame.ShotRec(41, 1, 3300, 3300, -543, 543), new Frame.ShotRec(42, 9, 10, 20, 0, -768)));
        Frame c = frame(13, List.of(owner), List.of(new Frame.ShotRec(41, 1, 3300 - 2 * 543, 3300 + 2 * 543, -543, 543)));
        Frame d = frame(14, List.of(), List.of(new Frame.ShotRec(41, 1, 3300 - 3 * 543, 3300 + 3 * 543, -543, 543),
                new Frame.ShotRec(43, 1, 1, 1, 1, 1)));
        assertChain(a, b, c, d);
    }

    @Test
    void countersWrap() {
        Frame a = frame(1L << 40, List.of(new Frame.ShipRec(7, 0, 0, 0, 0, 4095, 100, Integer.MAX_VALUE - 1, 0, 0, 0, 0, 0, true)),
                List.of(new Frame.ShotRec(Integer.MAX_VALUE, 7, 1, 1, 1, 1)));
        Frame b = frame((1L << 40) + 1, List.of(new Frame.ShipRec(7, 0, 0, 0, 0, 3, 100, Integer.MAX_VALUE, 0, 0, 0, 0, 0, true)),
                List.of(new Frame.ShotRec(Integer.MAX_VALUE, 7, 2, 2, 1, 1), new Frame.ShotRec(Integer.MIN_VALUE, 7, 5, 5, 1, 1)));
        assertChain(a, b);
        byte[] d = FrameEncoder.delta(a, b);
        assertTrue(d.length < 20, "an aim crossing 0 and a wrapped shot id stay small: " + d.length + " bytes");
    }

    @Test
    void anUnchangedRoomCostsAFewBytes() {
        Frame a = frame(500, List.of(ship(1, 100, 100, 0), ship(2, 200, 200, 0)), List.of());
        Frame b = next(a);
        byte[] d = FrameEncoder.delta(a, b);
        assertEquals(b, FrameDecoder.decode(a, d));
        assertTrue(d.length <= 9, "idle delta " + d.length + " bytes");
    }

    @Test
    void junkIsRefusedCleanly() {
        SplittableRandom rng = new SplittableRandom(5);
        Frame base = new RandomFrames(3).next();
        byte[] key = FrameEncoder.keyframe(base);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[rng.nextInt(1, 40)];
            rng.nextBytes(junk);
            try {
                FrameDecoder.decode(base, junk);
            } catch (IllegalArgumentException expected) {
                // refused: fine
            }
        }
        byte[] truncated = java.util.Arrays.copyOf(key, key.length - 1);
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, truncated));
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, FrameEncoder.delta(base, next(base))));
    }

    // ---- helpers

    static void assertChain(Frame... frames) {
        Frame held = FrameDecoder.decode(null, FrameEncoder.keyframe(frames[0]));
        assertEquals(frames[0], held);
        for (int i = 1; i < frames.length; i++) {
            byte[] d = FrameEncoder.delta(frames[i - 1], frames[i]);
            held = FrameDecoder.decode(held, d);
            assertEquals(frames[i], held, "frame " + i);
            assertArrayEquals(FrameEncoder.keyframe(frames[i]), FrameEncoder.keyframe(held));
        }
    }

    static Frame frame(long tick, List<Frame.ShipRec> ships, List<Frame.ShotRec> shots) {
        return new Frame(TICK_RATE, tick, 1_764_288_000_000L + tick * 33, 2, 3, 1_764_288_180_000L, ships, shots);
    }

    static Frame.ShipRec ship(int id, long x, long y, long vx) {
        return new Frame.ShipRec(id, x * 32, y * 32, vx * 32, 0, 1024, 100, 10, 0, 0, 1, 1, 0, true);
    }

    /** The frame one tick later in which nothing changed but what the decoder predicts (tick, time, seq). */
    static Frame next(Frame f) {
        List<Frame.ShipRec> ships = new ArrayList<>();
        for (Frame.ShipRec s : f.ships()) {
            ships.add(new Frame.ShipRec(s.id(), s.x(), s.y(), s.vx(), s.vy(), s.aim(), s.hp(), s.seq() + 1, s.st(),
                    s.respawn(), s.score(), s.kills(), s.deaths(), s.connected()));
        }
        return new Frame(f.tickRate(), f.tick() + 1, f.time() + 33, f.phase(), f.round(), f.phaseEndsAt(), ships, f.shots());
    }

    /** Random frame sequences with every kind of change, some of them rare. */
    static final class RandomFrames {
        private final SplittableRandom rng;
        private Frame last;
        private int nextShip = 1;
        private int nextShot;

        RandomFrames(long seed) {
            rng = new SplittableRandom(seed);
            nextShot = rng.nextBoolean() ? Integer.MAX_VALUE - 50 : 1;
        }

        Frame next() {
            if (last == null) {
                List<Frame.ShipRec> ships = new ArrayList<>();
                for (int i = 0, n = rng.nextInt(0, 9); i < n; i++) ships.add(randomShip(nextShip++));
                last = new Frame(TICK_RATE, rng.nextLong(0, 1L << 45), rng.nextLong(0, 1L << 42), rng.nextInt(4),
                        rng.nextInt(100), rng.nextBoolean() ? 0 : rng.nextLong(1, 1L << 42), ships, List.of());
                return last;
            }
            long dt = rng.nextInt(10) == 0 ? rng.nextInt(2, 6) : 1;
            List<Frame.ShipRec> ships = new ArrayList<>();
            for (Frame.ShipRec s : last.ships()) {
                if (rng.nextInt(60) == 0) continue; // leaves
                ships.add(evolve(s, dt));
            }
            if (rng.nextInt(30) == 0) ships.add(randomShip(nextShip++));
            List<Frame.ShotRec> shots = new ArrayList<>();
            for (Frame.ShotRec s : last.shots()) {
                if (rng.nextInt(15) == 0) continue; // hits something
                shots.add(new Frame.ShotRec(s.id(), s.owner(), s.x() + s.stepX() * dt, s.y() + s.stepY() * dt, s.stepX(), s.stepY()));
            }
            for (int i = 0, n = rng.nextInt(4) == 0 ? rng.nextInt(1, 4) : 0; i < n; i++) {
                int owner = ships.isEmpty() || rng.nextInt(8) == 0 ? 99 : ships.get(rng.nextInt(ships.size())).id();
                shots.add(new Frame.ShotRec(nextShot++, owner, rng.nextLong(0, 51200), rng.nextLong(0, 32000),
                        rng.nextLong(-768, 769), rng.nextLong(-768, 769)));
            }
            boolean phase = rng.nextInt(50) == 0;
            last = new Frame(TICK_RATE, last.tick() + dt, last.time() + rng.nextLong(-5, 200),
                    phase ? rng.nextInt(4) : last.phase(), phase ? last.round() + 1 : last.round(),
                    phase ? (rng.nextBoolean() ? 0 : last.time() + rng.nextLong(-1000, 200_000)) : last.phaseEndsAt(),
                    ships, shots);
            return last;
        }

        private Frame.ShipRec randomShip(int id) {
            int st = rng.nextInt(3);
            return new Frame.ShipRec(id, rng.nextLong(576, 50624), rng.nextLong(576, 31424), rng.nextLong(-10240, 10241),
                    rng.nextLong(-10240, 10241), rng.nextInt(4096), rng.nextInt(101), rng.nextLong(0, Integer.MAX_VALUE),
                    st, st == 2 ? rng.nextInt(1, 91) : 0, rng.nextInt(50), rng.nextInt(50), rng.nextInt(50), rng.nextBoolean());
        }

        private Frame.ShipRec evolve(Frame.ShipRec s, long dt) {
            long vx = rng.nextInt(3) == 0 ? s.vx() : s.vx() + rng.nextLong(-1600, 1601);
            long vy = rng.nextInt(3) == 0 ? s.vy() : s.vy() + rng.nextLong(-1600, 1601);
            long x = Schema.predict(s.x(), vx, dt, TICK_RATE) + (rng.nextInt(4) == 0 ? rng.nextLong(-40, 41) : 0);
            long y = Schema.predict(s.y(), vy, dt, TICK_RATE) + (rng.nextInt(4) == 0 ? rng.nextLong(-40, 41) : 0);
            int aim = rng.nextBoolean() ? s.aim() : Math.floorMod(s.aim() + rng.nextInt(-300, 301), 4096);
            int st = s.st();
            int respawn = s.respawn();
            if (st == 2) {
                respawn = (int) Math.max(0, respawn - dt);
                if (respawn == 0 || rng.nextInt(40) == 0) {
                    st = 1;
                    respawn = 0;
                }
            } else if (rng.nextInt(50) == 0) {
                st = 2; // dies
                respawn = 90;
            } else if (st == 1 && rng.nextInt(10) == 0) {
                st = 0;
            }
            boolean scored = rng.nextInt(40) == 0;
            return new Frame.ShipRec(s.id(), x, y, vx, vy, aim, rng.nextInt(10) == 0 ? rng.nextInt(101) : s.hp(),
                    rng.nextInt(5) == 0 ? s.seq() + rng.nextInt(4) : s.seq() + dt, st, respawn,
                    scored ? s.score() + 1 : s.score(), scored ? s.kills() + 1 : s.kills(), s.deaths() + (rng.nextInt(60) == 0 ? 1 : 0),
                    rng.nextInt(40) == 0 != s.connected());
        }
    }
}
