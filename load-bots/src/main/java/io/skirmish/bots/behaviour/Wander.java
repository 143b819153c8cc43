package io.skirmish.bots.behaviour;

import java.util.random.RandomGenerator;

/** Flies to a random point, then to the next; gives a point up after a while (a wall may be in the way). */
final class Wander implements Behaviour {
    private static final double ARRIVED = 40;
    private static final double MARGIN = 60;
    private static final int MIN_LEG_TICKS = 60;
    private static final int MAX_LEG_TICKS = 240;

    private final RandomGenerator rng;
    private boolean hasTarget;
    private double targetX;
    private double targetY;
    private int legTicksLeft;
    private double aim;

    Wander(RandomGenerator rng) {
        this.rng = rng;
    }

    @Override
    public Intent next(WorldView view) {
        Ship me = view.self();
        if (me == null) {
            return Intent.idle(aim);
        }
        if (!hasTarget || --legTicksLeft <= 0 || me.distanceTo(targetX, targetY) < ARRIVED) {
            pickTarget(view);
        }
        double dx = targetX - me.x();
        double dy = targetY - me.y();
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len < 1e-9) {
            return Intent.idle(aim);
        }
        aim = Math.atan2(dy, dx);
        return new Intent(dx / len, dy / len, aim, false);
    }

    private void pickTarget(WorldView view) {
        targetX = MARGIN + rng.nextDouble() * Math.max(0, view.width() - 2 * MARGIN);
        targetY = MARGIN + rng.nextDouble() * Math.max(0, view.height() - 2 * MARGIN);
        legTicksLeft = rng.nextInt(MIN_LEG_TICKS, MAX_LEG_TICKS + 1);
        hasTarget = true;
    }
}
