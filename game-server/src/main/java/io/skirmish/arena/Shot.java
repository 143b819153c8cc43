package io.skirmish.arena;

/**
 * A projectile in flight. It moves a fixed step per tick ({@link #stepX}, {@link #stepY}: multiples of
 * {@code 1/32} unit, see {@link Quantum}), so its position stays on the grid exactly.
 */
public final class Shot {
    final int id;
    final int owner;
    double x, y;
    /** Units per tick. */
    final double stepX, stepY;
    /** Units per second ({@code step * tickRate}), as snapshots carry it. */
    final double vx, vy;
    int ttl;
    /**
     * The tick the shooter was seeing when firing (the input's {@code rt}), until the shot's first
     * step has been compensated for it; NaN otherwise.
     */
    double view = Double.NaN;
    /** When the firing input reached the server, in ticks (see {@link PlayerInput#arrivalTick}), -1 if unknown. */
    double arrival = -1;

    Shot(int id, int owner, double x, double y, double stepX, double stepY, int tickRate, int ttl) {
        this.id = id;
        this.owner = owner;
        this.x = x;
        this.y = y;
        this.stepX = stepX;
        this.stepY = stepY;
        this.vx = stepX * tickRate;
        this.vy = stepY * tickRate;
        this.ttl = ttl;
    }

    public int id() { return id; }
    public int owner() { return owner; }
    public double x() { return x; }
    public double y() { return y; }
    public double vx() { return vx; }
    public double vy() { return vy; }
    /** Units per tick along x. */
    public double stepX() { return stepX; }
    /** Units per tick along y. */
    public double stepY() { return stepY; }
}
