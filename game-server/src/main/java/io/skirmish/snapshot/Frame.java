package io.skirmish.snapshot;

import java.util.List;

/**
 * One snapshot of a room in the wire's integer units: what a compact client rebuilds, exactly.
 * Positions and velocities in grid steps ({@code 1/32} unit, per second for ships), a shot's motion
 * in grid steps per tick, aim in 4096ths of a turn (see {@link io.skirmish.arena.Quantum}).
 *
 * @param phase index into {@link io.skirmish.game.Phase#values()}
 * @param phaseEndsAt server time the phase ends, 0 for none
 * @param ships by ascending id
 * @param shots in the server's order (oldest first)
 * @param delayMs how far behind live play a spectator's copy is (the header's delay), {@link #LIVE} for a
 *     player's copy; the same snapshot reaches players and spectators, only this differs
 */
public record Frame(int tickRate, long tick, long time, int phase, int round, long phaseEndsAt,
                    List<ShipRec> ships, List<ShotRec> shots, long delayMs) {
    /** {@link #delayMs()} of a player's (live) copy: no delay in the header. */
    public static final long LIVE = -1;

    public Frame {
        ships = List.copyOf(ships);
        shots = List.copyOf(shots);
        if (delayMs < LIVE) {
            throw new IllegalArgumentException("delayMs below 0: " + delayMs);
        }
    }

    /** A player's (live) copy. */
    public Frame(int tickRate, long tick, long time, int phase, int round, long phaseEndsAt,
                 List<ShipRec> ships, List<ShotRec> shots) {
        this(tickRate, tick, time, phase, round, phaseEndsAt, ships, shots, LIVE);
    }

    /** The same snapshot as a spectator's copy {@code delayMs} behind live play ({@link #LIVE}: a player's). */
    public Frame withDelay(long delayMs) {
        return new Frame(tickRate, tick, time, phase, round, phaseEndsAt, ships, shots, delayMs);
    }

    /** Whether this is a spectator's copy (its header carries the delay). */
    public boolean delayed() {
        return delayMs != LIVE;
    }

    /**
     * A ship.
     *
     * @param st 0 alive, 1 spawn-protected, 2 dead
     * @param respawn ticks until respawn (0 unless dead)
     * @param connected false while the seat is kept for a rejoin
     */
    public record ShipRec(int id, long x, long y, long vx, long vy, int aim, int hp, long seq, int st, int respawn,
                          int score, int kills, int deaths, boolean connected) {}

    /** A shot: position in grid steps, motion in grid steps per tick. */
    public record ShotRec(int id, int owner, long x, long y, long stepX, long stepY) {}

    /** The game-specific part: what {@link CompactGame} captures. */
    public record Body(List<ShipRec> ships, List<ShotRec> shots) {}
}
