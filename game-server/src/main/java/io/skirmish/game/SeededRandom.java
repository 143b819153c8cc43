package io.skirmish.game;

/**
 * A small deterministic random number generator (SplitMix64) whose whole state is one {@code long},
 * so a game can {@link Game#save() save} and {@link Game#restore restore} it. Seed it with the room
 * seed. Not thread-safe (a game uses it on its game thread only).
 */
public final class SeededRandom {
    private long state;

    public SeededRandom(long state) {
        this.state = state;
    }

    /** The current state: {@code new SeededRandom(r.state())} continues with the same numbers. */
    public long state() {
        return state;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound); {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
