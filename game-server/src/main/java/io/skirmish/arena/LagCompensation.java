package io.skirmish.arena;

import java.util.List;

/**
 * A new shot's first step, checked against what its shooter saw (docs/protocol.md, "Lag
 * compensation"). The shooter fired while seeing tick {@code v} (the input's render tick, clamped by
 * {@link RewindHistory#clamp(long, double, double)} against when the input arrived); the server
 * applies the input at tick {@code T}. On the shooter's
 * screen the shot, at age {@code a} ticks, meets the targets as they were at tick {@code v + a - 1}.
 * So in tick {@code T} the shot is moved {@code 1 + (T - v)} ticks of flight at once, and each sub-step
 * at age {@code a} is checked against the targets rewound to {@code v + a - 1}; at the end it is
 * at age {@code 1 + T - v} against the targets of tick {@code T}, and from the next tick on it
 * moves as any shot does, against the present. Spawn protection and deaths follow the same rule:
 * a target counts as it was at the rewound tick (dead: not there; protected: absorbs the shot), and
 * takes damage only if it is still that same life now.
 */
final class LagCompensation {
    private LagCompensation() {}

    /** Moves a shot fired this tick through its compensated first step; true if it ended. */
    static boolean firstStep(ArenaState s, long tick, Shot shot, boolean combat, List<ArenaEvent> events, double dt) {
        ArenaPhysics p = s.physics;
        double hitDist = p.shipRadius() + p.shotRadius();
        double view = s.rewind.clamp(tick, shot.arrival, shot.view);
        shot.view = Double.NaN;
        double ages = 1 + (tick - view);
        double speed = Math.sqrt(shot.vx * shot.vx + shot.vy * shot.vy);
        int n = Math.max(1, (int) Math.ceil(speed * dt * ages / ArenaRules.SHOT_SUBSTEP));
        for (int i = 1; i <= n; i++) {
            double age = ages * i / n;
            shot.x += shot.vx * dt * ages / n;
            shot.y += shot.vy * dt * ages / n;
            if (s.map.blocked(shot.x, shot.y)) {
                return true;
            }
            double at = view + age - 1;
            for (Ship target : s.ships.values()) {
                if (target.id == shot.owner) continue;
                RewindHistory.Pose seen = s.rewind.at(target.id, at);
                if (seen == null || !seen.alive()) continue;
                double dx = seen.x() - shot.x;
                double dy = seen.y() - shot.y;
                if (dx * dx + dy * dy < hitDist * hitDist) {
                    boolean sameLife = target.respawnTicks == 0 && target.life == seen.life();
                    if (combat && !seen.protectedShip() && sameLife) {
                        ArenaRules.damage(s, target, shot, events);
                    }
                    return true;
                }
            }
        }
        shot.ttl -= (int) Math.round(ages);
        // A compensated step may be a fraction of ticks long: back on the grid (see Quantum), from where
        // the shot moves its whole steps per tick.
        shot.x = Quantum.snap(shot.x);
        shot.y = Quantum.snap(shot.y);
        return shot.ttl <= 0;
    }
}
