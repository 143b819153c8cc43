package io.skirmish.arena;

/**
 * The arena's fixed units. The simulation keeps every value that a snapshot carries on these grids
 * (it rounds after each step), so the numbers the server simulates are exactly the numbers it sends:
 * client prediction, replays and determinism checks all see the same state.
 *
 * <ul>
 *   <li>positions and velocities: multiples of {@code 1/32} world unit (per second for velocities);
 *   <li>a shot's motion: a fixed step per tick, a multiple of {@code 1/32} unit, so its position
 *       stays on the grid without rounding;
 *   <li>aim: {@value #ANGLE_STEPS} steps a turn, in {@code [0, 2 pi)}.
 * </ul>
 *
 * <p>The rounding is {@code Math.round(v * 32) / 32} (halves round up), the same in Java and
 * JavaScript, bit for bit. See {@code docs/protocol.md}, "Movement rules" step 8.
 */
public final class Quantum {
    /** Grid steps per world unit. */
    public static final int SCALE = 32;
    /** Aim steps per full turn (12 bits). */
    public static final int ANGLE_STEPS = 4096;
    /** Radians per aim step: exact (a power of two times pi's double). */
    public static final double RADIANS_PER_STEP = 2 * Math.PI / ANGLE_STEPS;

    private Quantum() {}

    /** {@code v} rounded to the grid. */
    public static double snap(double v) {
        return Math.round(v * SCALE) / (double) SCALE;
    }

    /** {@code v} (on the grid) as a whole number of grid steps. */
    public static long units(double v) {
        return Math.round(v * SCALE);
    }

    /** A number of grid steps as world units. */
    public static double fromUnits(long u) {
        return u / (double) SCALE;
    }

    /** Any finite angle in radians as an aim step in {@code [0, ANGLE_STEPS)}. */
    public static int angleStep(double radians) {
        long n = Math.round(radians / RADIANS_PER_STEP);
        return (int) Math.floorMod(n, (long) ANGLE_STEPS);
    }

    /** An aim step as radians. */
    public static double angle(int step) {
        return step * RADIANS_PER_STEP;
    }

    /** Any finite angle snapped to the aim grid, in {@code [0, 2 pi)}. */
    public static double snapAngle(double radians) {
        return angle(angleStep(radians));
    }
}
