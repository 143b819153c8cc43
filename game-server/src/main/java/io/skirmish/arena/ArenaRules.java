package io.skirmish.arena;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The arena's rules as pure functions of (state, inputs, fixed step): no clock, no I/O. All
 * randomness comes from the state's seeded RNG, and ships are visited in id order, so the same seed
 * and inputs always give the same state.
 */
public final class ArenaRules {
    /** Shots move in sub-steps no longer than this, so that they cannot pass through thin walls or ships. */
    static final double SHOT_SUBSTEP = 8;

    private ArenaRules() {}

    public static Ship addShip(ArenaState s, int id, String name) {
        Ship ship = new Ship(id, name);
        s.ships.put(id, ship);
        spawn(s, ship);
        return ship;
    }

    public static void removeShip(ArenaState s, int id) {
        s.ships.remove(id);
    }

    /** New round: scores reset, everyone respawns, shots cleared. */
    public static void resetRound(ArenaState s) {
        s.shots.clear();
        for (Ship ship : s.ships.values()) {
            ship.score = 0;
            ship.kills = 0;
            ship.deaths = 0;
            spawn(s, ship);
        }
    }

    /**
     * One tick.
     *
     * @param combat whether shots do damage and kills score (only while a round is being played)
     * @param events receives what happened, in order
     */
    public static void step(ArenaState s, Map<Integer, List<PlayerInput>> inputs, boolean combat,
                            List<ArenaEvent> events) {
        step(s, s.rewind.newestTick() + 1, inputs, combat, events);
    }

    /**
     * One tick, numbered: {@code tick} is the room's tick (the one snapshots carry), which inputs'
     * render ticks refer to for lag compensation. Ticks must increase.
     */
    public static void step(ArenaState s, long tick, Map<Integer, List<PlayerInput>> inputs, boolean combat,
                            List<ArenaEvent> events) {
        double dt = 1.0 / s.tickRate;
        ArenaPhysics p = s.physics;
        for (Ship ship : s.ships.values()) {
            if (ship.respawnTicks > 0) {
                if (--ship.respawnTicks == 0) {
                    spawn(s, ship);
                    events.add(new ArenaEvent.Respawn(ship.id, ship.body.x, ship.body.y));
                }
                continue;
            }
            if (ship.protectTicks > 0) ship.protectTicks--;
            // The fire cooldown counts inputs, as movement does: each input is one step of the ship,
            // and its shot leaves from where that step put it, aimed by it, seen at its render tick.
            // So the server fires exactly the shots the client predicted, whether it applies one
            // input a tick or none or several (the step bank bounds the rate either way).
            for (PlayerInput in : inputs.getOrDefault(ship.id, List.of())) {
                if (ship.cooldown > 0) ship.cooldown--;
                Movement.step(ship.body, in.moveX(), in.moveY(), p, s.map, dt);
                ship.aim = Quantum.snapAngle(in.aim());
                if (in.fire() && ship.cooldown == 0) {
                    fire(s, ship, in.renderTick(), in.arrivalTick());
                }
            }
        }
        s.rewind.record(tick, s.ships.values());
        moveShots(s, tick, combat, events, dt);
    }

    private static void fire(ArenaState s, Ship ship, double view, double arrival) {
        ArenaPhysics p = s.physics;
        double dx = StrictMath.cos(ship.aim);
        double dy = StrictMath.sin(ship.aim);
        double off = p.shipRadius() + p.shotRadius() + 1;
        double x = Quantum.snap(ship.body.x + dx * off);
        double y = Quantum.snap(ship.body.y + dy * off);
        ship.cooldown = p.fireCooldownTicks();
        ship.protectTicks = 0; // shooting ends spawn protection
        if (s.map.blocked(x, y)) {
            return; // muzzle inside a wall: the shot is spent
        }
        double step = p.shotSpeed() / s.tickRate;
        Shot shot = new Shot(s.nextShotId++, ship.id, x, y, Quantum.snap(dx * step), Quantum.snap(dy * step),
                s.tickRate, p.shotTtlTicks());
        shot.view = view;
        shot.arrival = arrival;
        s.shots.add(shot);
    }

    private static void moveShots(ArenaState s, long tick, boolean combat, List<ArenaEvent> events, double dt) {
        ArenaPhysics p = s.physics;
        double hitDist = p.shipRadius() + p.shotRadius();
        Iterator<Shot> it = s.shots.iterator();
        shots:
        while (it.hasNext()) {
            Shot shot = it.next();
            if (!Double.isNaN(shot.view)) {
                if (LagCompensation.firstStep(s, tick, shot, combat, events, dt)) {
                    it.remove();
                }
                continue;
            }
            double travel = Math.sqrt(shot.stepX * shot.stepX + shot.stepY * shot.stepY);
            int n = Math.max(1, (int) Math.ceil(travel / SHOT_SUBSTEP));
            double x0 = shot.x;
            double y0 = shot.y;
            for (int i = 1; i <= n; i++) {
                // The last sub-step lands exactly on x0 + step: a shot stays on the grid.
                shot.x = i == n ? x0 + shot.stepX : x0 + shot.stepX * i / n;
                shot.y = i == n ? y0 + shot.stepY : y0 + shot.stepY * i / n;
                if (s.map.blocked(shot.x, shot.y)) {
                    it.remove();
                    continue shots;
                }
                for (Ship target : s.ships.values()) {
                    if (target.id == shot.owner || target.respawnTicks > 0) continue;
                    double dx = target.body.x - shot.x;
                    double dy = target.body.y - shot.y;
                    if (dx * dx + dy * dy < hitDist * hitDist) {
                        it.remove();
                        if (combat && target.protectTicks == 0) {
                            damage(s, target, shot, events);
                        }
                        continue shots;
                    }
                }
            }
            if (--shot.ttl <= 0) {
                it.remove();
            }
        }
    }

    static void damage(ArenaState s, Ship target, Shot shot, List<ArenaEvent> events) {
        ArenaPhysics p = s.physics;
        target.hp = Math.max(0, target.hp - p.shotDamage());
        events.add(new ArenaEvent.Hit(target.id, shot.owner, p.shotDamage(), target.hp, shot.x, shot.y, shot.id));
        if (target.hp == 0) {
            target.respawnTicks = p.respawnTicks();
            target.deaths++;
            target.body.vx = 0;
            target.body.vy = 0;
            Ship killer = s.ships.get(shot.owner);
            if (killer != null) {
                killer.kills++;
                killer.score++;
            }
            events.add(new ArenaEvent.Kill(target.id, shot.owner));
        }
    }

    /** Places a ship at the spawn point farthest from the living others (random among the map's first picks). */
    static void spawn(ArenaState s, Ship ship) {
        List<ArenaMap.Point> points = s.map.spawns();
        ArenaMap.Point best = points.get(s.rng.nextInt(points.size()));
        double bestDist = nearestOther(s, ship, best);
        for (int i = 0; i < 3; i++) {
            ArenaMap.Point c = points.get(s.rng.nextInt(points.size()));
            double d = nearestOther(s, ship, c);
            if (d > bestDist) {
                best = c;
                bestDist = d;
            }
        }
        ship.body.x = best.x();
        ship.body.y = best.y();
        ship.body.vx = 0;
        ship.body.vy = 0;
        ship.aim = Quantum.snapAngle(StrictMath.atan2(s.map.height() / 2 - best.y(), s.map.width() / 2 - best.x()));
        ship.hp = s.physics.maxHp();
        ship.respawnTicks = 0;
        ship.protectTicks = s.physics.protectTicks();
        ship.cooldown = 0;
        ship.life++;
    }

    private static double nearestOther(ArenaState s, Ship self, ArenaMap.Point p) {
        double best = Double.MAX_VALUE;
        for (Ship o : s.ships.values()) {
            if (o == self || o.respawnTicks > 0) continue;
            double dx = o.body.x - p.x();
            double dy = o.body.y - p.y();
            best = Math.min(best, dx * dx + dy * dy);
        }
        return best;
    }
}
