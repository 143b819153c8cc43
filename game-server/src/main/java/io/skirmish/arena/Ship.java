package io.skirmish.arena;

/** One player's ship. Mutated only by {@link ArenaRules}. */
public final class Ship {
    public static final int ALIVE = 0;
    public static final int PROTECTED = 1;
    public static final int DEAD = 2;

    final int id;
    final String name;
    final Movement.Body body = new Movement.Body(0, 0, 0, 0);
    double aim;
    int hp;
    int respawnTicks;
    int protectTicks;
    int cooldown;
    int score;
    int kills;
    int deaths;
    /** Spawns so far: lag compensation tells a ship a shooter saw from the same player respawned. */
    int life;

    Ship(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public double x() {
        return body.x;
    }

    public double y() {
        return body.y;
    }

    public double vx() {
        return body.vx;
    }

    public double vy() {
        return body.vy;
    }

    public double aim() {
        return aim;
    }

    public int hp() {
        return hp;
    }

    public int score() {
        return score;
    }

    public int kills() {
        return kills;
    }

    public int deaths() {
        return deaths;
    }

    public boolean alive() {
        return respawnTicks == 0;
    }

    /** {@link #ALIVE}, {@link #PROTECTED} or {@link #DEAD}. */
    public int status() {
        if (respawnTicks > 0) return DEAD;
        return protectTicks > 0 ? PROTECTED : ALIVE;
    }

    public int respawnTicks() {
        return respawnTicks;
    }
}
