package io.skirmish.arena;

/** A projectile in flight. */
public final class Shot {
    final int id;
    final int owner;
    double x, y;
    final double vx, vy;
    int ttl;
    /**
     * The tick the shooter was seeing when firing (the input's {@code rt}), until the shot's first
     * step has been compensated for it; NaN otherwise.
     */
    double view = Double.NaN;

    Shot(int id, int owner, double x, double y, double vx, double vy, int ttl) {
        this.id = id;
        this.owner = owner;
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.ttl = ttl;
    }

    public int id() { return id; }
    public int owner() { return owner; }
    public double x() { return x; }
    public double y() { return y; }
    public double vx() { return vx; }
    public double vy() { return vy; }
}
