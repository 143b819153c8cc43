package io.skirmish.bots.behaviour;

import java.util.random.RandomGenerator;

/**
 * Hunts the nearest living enemy: closes in when far, backs off when near, strafes in between,
 * aims at it with a little noise and fires when in range. Wanders while there is no one to fight.
 */
final class Fight implements Behaviour {
    private static final double FAR = 320;
    private static final double NEAR = 160;
    private static final double FIRE_RANGE = 600;
    private static final double AIM_NOISE = 0.08;
    /** About once in this many ticks the strafe direction flips, so bots don't orbit forever. */
    private static final int STRAFE_FLIP_TICKS = 45;

    private final RandomGenerator rng;
    private final Wander wander;
    private double strafe = 1;

    Fight(RandomGenerator rng) {
        this.rng = rng;
        this.wander = new Wander(rng);
    }

    @Override
    public Intent next(WorldView view) {
        Ship me = view.self();
        Ship enemy = me == null || !me.alive() ? null : nearestEnemy(me, view);
        if (enemy == null) {
            return wander.next(view);
        }
        double dx = enemy.x() - me.x();
        double dy = enemy.y() - me.y();
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d < 1e-9) {
            return new Intent(rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), me.a(), true);
        }
        if (rng.nextInt(STRAFE_FLIP_TICKS) == 0) {
            strafe = -strafe;
        }
        double ux = dx / d;
        double uy = dy / d;
        double radial = d > FAR ? 1 : d < NEAR ? -1 : 0;
        double aim = Math.atan2(dy, dx) + rng.nextDouble(-AIM_NOISE, AIM_NOISE);
        return new Intent(ux * radial - uy * strafe, uy * radial + ux * strafe, aim, d < FIRE_RANGE);
    }

    /** The closest living ship other than {@code me}, or null. */
    static Ship nearestEnemy(Ship me, WorldView view) {
        Ship best = null;
        double bestD = Double.MAX_VALUE;
        for (Ship s : view.ships()) {
            if (s.id() == me.id() || !s.alive()) {
                continue;
            }
            double d = me.distanceTo(s.x(), s.y());
            if (d < bestD) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }
}
