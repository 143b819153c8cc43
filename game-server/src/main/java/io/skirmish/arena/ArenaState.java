package io.skirmish.arena;

import io.skirmish.game.SeededRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** The whole state of one arena: ships by id (iterated in id order, for determinism), shots, seeded RNG. */
public final class ArenaState {
    final ArenaMap map;
    final ArenaPhysics physics;
    final int tickRate;
    SeededRandom rng;
    final TreeMap<Integer, Ship> ships = new TreeMap<>();
    final List<Shot> shots = new ArrayList<>();
    int nextShotId = 1;
    /** Recent ship positions for lag compensation ({@link RewindHistory#MAX_REWIND_MS} + {@link RewindHistory#MAX_WAIT_TICKS}). */
    final RewindHistory rewind;

    public ArenaState(ArenaMap map, ArenaPhysics physics, int tickRate, long seed) {
        this.map = map;
        this.physics = physics;
        this.tickRate = tickRate;
        this.rewind = new RewindHistory(RewindHistory.ticksFor(tickRate, RewindHistory.MAX_REWIND_MS),
                RewindHistory.MAX_WAIT_TICKS);
        this.rng = new SeededRandom(seed);
    }

    public ArenaMap map() { return map; }
    public ArenaPhysics physics() { return physics; }
    public int tickRate() { return tickRate; }
    public Collection<Ship> ships() { return ships.values(); }
    public Ship ship(int id) { return ships.get(id); }
    public List<Shot> shots() { return shots; }
    public RewindHistory rewind() { return rewind; }

    /** A hash of everything that evolves; equal states have equal hashes (used by determinism tests). */
    public long hash() {
        long h = 0xcbf29ce484222325L;
        for (Ship s : ships.values()) {
            h = mix(h, s.id);
            h = mix(h, Double.doubleToLongBits(s.body.x));
            h = mix(h, Double.doubleToLongBits(s.body.y));
            h = mix(h, Double.doubleToLongBits(s.body.vx));
            h = mix(h, Double.doubleToLongBits(s.body.vy));
            h = mix(h, Double.doubleToLongBits(s.aim));
            h = mix(h, ((long) s.hp << 32) | s.respawnTicks);
            h = mix(h, ((long) s.protectTicks << 32) | s.cooldown);
            h = mix(h, ((long) s.score << 40) | ((long) s.kills << 20) | s.deaths);
        }
        for (Shot s : shots) {
            h = mix(h, ((long) s.id << 32) | s.owner);
            h = mix(h, Double.doubleToLongBits(s.x));
            h = mix(h, Double.doubleToLongBits(s.y));
            h = mix(h, s.ttl);
        }
        h = mix(h, rng.state());
        return mix(h, nextShotId);
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }
}
