package io.skirmish.arena;

/**
 * The ship movement rule: one input, one fixed step. This exact sequence of operations is specified
 * in {@code docs/protocol.md} and ported to the browser client's predictor; the golden vectors
 * ({@code MovementGoldenTest}) keep the two identical. Change both or neither.
 */
public final class Movement {
    private Movement() {}

    /** Mutable kinematic state of a ship (position and velocity). */
    public static final class Body {
        public double x, y, vx, vy;

        public Body(double x, double y, double vx, double vy) {
            this.x = x;
            this.y = y;
            this.vx = vx;
            this.vy = vy;
        }
    }

    public static void step(Body b, double mx, double my, ArenaPhysics p, ArenaMap map, double dt) {
        double len = Math.sqrt(mx * mx + my * my);
        if (len > 1) {
            mx /= len;
            my /= len;
        }
        b.vx += mx * p.accel() * dt;
        b.vy += my * p.accel() * dt;
        double k = Math.max(0, 1 - p.drag() * dt);
        b.vx *= k;
        b.vy *= k;
        double s = Math.sqrt(b.vx * b.vx + b.vy * b.vy);
        if (s > p.maxSpeed()) {
            b.vx = b.vx / s * p.maxSpeed();
            b.vy = b.vy / s * p.maxSpeed();
        }
        b.x += b.vx * dt;
        b.y += b.vy * dt;
        collide(b, p.shipRadius(), map);
        // 8. the state the server keeps (and sends) is on the grid
        b.x = Quantum.snap(b.x);
        b.y = Quantum.snap(b.y);
        b.vx = Quantum.snap(b.vx);
        b.vy = Quantum.snap(b.vy);
    }

    static void collide(Body b, double r, ArenaMap map) {
        if (b.x < r) {
            b.x = r;
            if (b.vx < 0) b.vx = 0;
        } else if (b.x > map.width() - r) {
            b.x = map.width() - r;
            if (b.vx > 0) b.vx = 0;
        }
        if (b.y < r) {
            b.y = r;
            if (b.vy < 0) b.vy = 0;
        } else if (b.y > map.height() - r) {
            b.y = map.height() - r;
            if (b.vy > 0) b.vy = 0;
        }
        for (ArenaMap.Rect w : map.walls()) {
            double cx = Math.max(w.x(), Math.min(b.x, w.x() + w.w()));
            double cy = Math.max(w.y(), Math.min(b.y, w.y() + w.h()));
            double dx = b.x - cx;
            double dy = b.y - cy;
            double d2 = dx * dx + dy * dy;
            if (d2 > 0 && d2 < r * r) {
                double d = Math.sqrt(d2);
                double nx = dx / d;
                double ny = dy / d;
                b.x = cx + nx * r;
                b.y = cy + ny * r;
                double dot = b.vx * nx + b.vy * ny;
                if (dot < 0) {
                    b.vx -= dot * nx;
                    b.vy -= dot * ny;
                }
            } else if (d2 == 0) {
                pushOutOfRect(b, r, w);
            }
        }
    }

    /** Centre inside the rectangle (only after a very fast step): leave through the nearest side. */
    private static void pushOutOfRect(Body b, double r, ArenaMap.Rect w) {
        double left = b.x - w.x();
        double right = w.x() + w.w() - b.x;
        double top = b.y - w.y();
        double bottom = w.y() + w.h() - b.y;
        double min = Math.min(Math.min(left, right), Math.min(top, bottom));
        if (min == left) {
            b.x = w.x() - r;
            if (b.vx > 0) b.vx = 0;
        } else if (min == right) {
            b.x = w.x() + w.w() + r;
            if (b.vx < 0) b.vx = 0;
        } else if (min == top) {
            b.y = w.y() - r;
            if (b.vy > 0) b.vy = 0;
        } else {
            b.y = w.y() + w.h() + r;
            if (b.vy < 0) b.vy = 0;
        }
    }
}
