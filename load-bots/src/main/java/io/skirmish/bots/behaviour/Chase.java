package io.skirmish.bots.behaviour;

import java.util.random.RandomGenerator;

/**
 * Tag: "it" runs at the nearest player; everyone else runs from "it" while it is near, sliding off
 * the walls so as not to be cornered, and wanders while it is far (or nobody is "it" yet).
 */
final class Chase implements Behaviour {
    /** Closer than this, "it" is fled from. */
    static final double FLEE_RADIUS = 350;
    /** Closer than this to a wall, a fleeing player is pushed back into the yard. */
    private static final double WALL = 80;

    private final Wander wander;

    Chase(RandomGenerator rng) {
        this.wander = new Wander(rng);
    }

    @Override
    public Intent next(WorldView view) {
        Ship me = view.self();
        Ship it = view.it() == 0 ? null : view.ships().stream().filter(s -> s.id() == view.it()).findFirst().orElse(null);
        if (me == null || it == null) {
            return wander.next(view);
        }
        if (it.id() == me.id()) {
            Ship prey = Fight.nearestEnemy(me, view);
            return prey == null ? wander.next(view) : towards(prey.x() - me.x(), prey.y() - me.y());
        }
        if (me.distanceTo(it.x(), it.y()) > FLEE_RADIUS) {
            return wander.next(view);
        }
        double len = Math.max(1e-9, me.distanceTo(it.x(), it.y()));
        double wallX = me.x() < WALL ? 1 : me.x() > view.width() - WALL ? -1 : 0;
        double wallY = me.y() < WALL ? 1 : me.y() > view.height() - WALL ? -1 : 0;
        return towards((me.x() - it.x()) / len + wallX, (me.y() - it.y()) / len + wallY);
    }

    /** Full speed along (dx, dy), facing it. */
    private static Intent towards(double dx, double dy) {
        double len = Math.hypot(dx, dy);
        return len < 1e-9 ? Intent.idle(0) : new Intent(dx / len, dy / len, Math.atan2(dy, dx), false);
    }
}
