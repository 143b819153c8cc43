package io.skirmish.snapshot;

import io.skirmish.arena.Quantum;

/** Constants and shared predictions of the compact snapshot schema (docs/protocol.md, "Compact snapshots"). */
final class Schema {
    private Schema() {}

    /**
     * First varint: bit 0 set for a delta, bit 1 when the phase fields follow, bit 2 on a spectator's
     * copy, whose delay behind live play (ms) follows as the second varint.
     */
    static final int DELTA = 1;
    static final int PHASE = 2;
    static final int DELAY = 4;

    /** Change mask bits of a ship in a delta. */
    static final int VEL = 1, POS = 2, AIM = 4, HP = 8, SEQ = 16, STATE = 32, SCORE = 64;

    /** A delta's base check: the low 7 bits of the tick of the snapshot it applies to. */
    static int baseCheck(long tick) {
        return (int) (tick & 0x7f);
    }

    /** Where a ship at {@code x} with (new) velocity {@code v} is expected after {@code dticks} ticks. */
    static long predict(long x, long v, long dticks, int tickRate) {
        return x + Math.round((double) (v * dticks) / tickRate);
    }

    /** The aim change from {@code from} to {@code to}, the short way round: [-2048, 2047]. */
    static int aimDelta(int from, int to) {
        int d = Math.floorMod(to - from, Quantum.ANGLE_STEPS);
        return d >= Quantum.ANGLE_STEPS / 2 ? d - Quantum.ANGLE_STEPS : d;
    }

    static int stc(Frame.ShipRec s) {
        return s.st() | (s.connected() ? 0 : 4);
    }

    /** The respawn countdown expected after {@code dticks}, for a ship that was dead and still is. */
    static int predictRespawn(Frame.ShipRec prev, long dticks) {
        return (int) Math.max(0, prev.respawn() - dticks);
    }
}
