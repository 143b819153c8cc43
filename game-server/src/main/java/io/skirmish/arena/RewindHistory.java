package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collection;

/**
 * Where every ship was over the last few ticks, for lag compensation: a shot is checked against the
 * targets as the shooter saw them (docs/protocol.md, "Lag compensation"). Pure: the clock is the
 * tick number the caller records at, so it is tested tick by tick with no time source.
 *
 * <p>The bound is on the shooter's own latency: a view may be at most {@code maxTicks} older than the
 * tick its input <em>reached</em> the server (the first tick that could have applied it). What the
 * input then waits in the server's own queue (the jitter buffer's tick, a backlog) is the server's
 * delay, not the shooter's, and is honoured too, up to {@code waitTicks}. So it keeps
 * {@code maxTicks + waitTicks + 1} ticks and answers any (fractional) tick in that span (a tick
 * outside it is taken at the nearer end), interpolating positions between two recorded ticks. An
 * older view is clamped: a client cannot buy an advantage by claiming an old view, nor by sending
 * its inputs early (an input queued longer was decided on an older view, not a newer one).
 */
public final class RewindHistory {
    /** The default bound of the rewind, in milliseconds, before the input reached the server. */
    public static final int MAX_REWIND_MS = 250;
    /**
     * The default bound of the server's own queueing delay honoured on top of {@link #MAX_REWIND_MS},
     * in ticks: the jitter buffer holds a lone input one tick, a queue of jitter one or two more.
     */
    public static final int MAX_WAIT_TICKS = 4;

    /**
     * A ship at a tick. {@code life} counts its spawns, so a rewound check can tell the ship a
     * shooter saw from the same player after a respawn.
     */
    public record Pose(double x, double y, int life, boolean alive, boolean protectedShip) {}

    private final int maxTicks;
    private final int waitTicks;
    /**
     * The recorded ticks, oldest first from {@link #head}: a ring of {@code maxTicks + waitTicks + 1}
     * slots made once and overwritten, so recording a tick allocates nothing (it runs every tick of
     * every room).
     */
    private final Slot[] ring;
    private int head;
    private int count;

    /** One recorded tick: the ships in the order recorded (id order, as the rules keep them). */
    private static final class Slot {
        long tick;
        int n;
        int[] ids = new int[8];
        double[] x = new double[8];
        double[] y = new double[8];
        int[] life = new int[8];
        boolean[] alive = new boolean[8];
        boolean[] prot = new boolean[8];

        void reset(long tick) {
            this.tick = tick;
            this.n = 0;
        }

        void add(int id, double px, double py, int lives, boolean isAlive, boolean isProtected) {
            if (n == ids.length) {
                int cap = n * 2;
                ids = Arrays.copyOf(ids, cap);
                x = Arrays.copyOf(x, cap);
                y = Arrays.copyOf(y, cap);
                life = Arrays.copyOf(life, cap);
                alive = Arrays.copyOf(alive, cap);
                prot = Arrays.copyOf(prot, cap);
            }
            ids[n] = id;
            x[n] = px;
            y[n] = py;
            life[n] = lives;
            alive[n] = isAlive;
            prot[n] = isProtected;
            n++;
        }

        /** Where ship {@code id} is in this slot, or -1. */
        int indexOf(int id) {
            for (int i = 0; i < n; i++) {
                if (ids[i] == id) return i;
            }
            return -1;
        }

        Pose pose(int i) {
            return new Pose(x[i], y[i], life[i], alive[i], prot[i]);
        }
    }

    /** A history whose views are measured from the tick they are applied in (no queueing allowance). */
    public RewindHistory(int maxTicks) {
        this(maxTicks, 0);
    }

    /**
     * @param maxTicks how many ticks before its input's arrival a view may be (the clamp)
     * @param waitTicks how many ticks of the server's own queueing after the arrival are honoured on top
     */
    public RewindHistory(int maxTicks, int waitTicks) {
        if (maxTicks < 0) throw new IllegalArgumentException("maxTicks < 0");
        if (waitTicks < 0) throw new IllegalArgumentException("waitTicks < 0");
        this.maxTicks = maxTicks;
        this.waitTicks = waitTicks;
        this.ring = new Slot[maxTicks + waitTicks + 1];
        for (int i = 0; i < ring.length; i++) ring[i] = new Slot();
    }

    /** The whole ticks a rewind of at most {@code maxRewindMs} spans at {@code tickRate} (rounded up). */
    public static int ticksFor(int tickRate, int maxRewindMs) {
        return (int) Math.ceil(maxRewindMs * (double) tickRate / 1000.0 - 1e-9);
    }

    public int maxTicks() {
        return maxTicks;
    }

    public int waitTicks() {
        return waitTicks;
    }

    /** The newest recorded tick, or -1 before the first. */
    public long newestTick() {
        return count == 0 ? -1 : newest().tick;
    }

    /**
     * Records where the ships are at {@code tick} (after they moved in it). Ticks increase; a tick
     * not after the newest starts a new timeline (the older ones are forgotten).
     */
    public void record(long tick, Collection<Ship> ships) {
        if (count > 0 && tick <= newest().tick) {
            clear();
        }
        Slot slot = append(tick);
        for (Ship s : ships) {
            slot.add(s.id, s.body.x, s.body.y, s.life, s.respawnTicks == 0, s.protectTicks > 0);
        }
    }

    /**
     * The tick a shooter's view is honoured at, for an input applied at {@code now} that arrived
     * for tick {@code now}: see {@link #clamp(long, double, double)}.
     */
    public double clamp(long now, double viewTick) {
        return clamp(now, now, viewTick);
    }

    /**
     * The tick a shooter's view is honoured at: {@code viewTick} clamped to no more than
     * {@code maxTicks} before {@code arrival} (when the input reached the server, in fractional
     * ticks; an unknown, negative or later one is {@code now}), no more than
     * {@code maxTicks + waitTicks} before {@code now}, and to the recorded span ending at
     * {@code now}. NaN (no view sent) is now.
     */
    public double clamp(long now, double arrival, double viewTick) {
        if (Double.isNaN(viewTick)) return now;
        double from = !(arrival >= 0) || arrival > now ? now : arrival;
        double oldest = Math.max(Math.max(from - maxTicks, now - maxTicks - waitTicks),
                count == 0 ? now : oldest().tick);
        return Math.max(oldest, Math.min(now, viewTick));
    }

    /**
     * Ship {@code id} at a (fractional) tick within the span, or null if it was not there. Between
     * two ticks the position is interpolated; across a respawn the nearer tick is taken whole.
     */
    public Pose at(int id, double tick) {
        if (count == 0) return null;
        tick = Math.max(oldest().tick, Math.min(newest().tick, tick));
        long lo = (long) Math.floor(tick);
        double frac = tick - lo;
        Slot f0 = slot(lo);
        Slot f1 = frac > 0 ? slot(lo + 1) : f0;
        if (f0 == null && f1 == null) return null;
        int i = f0 == null ? -1 : f0.indexOf(id);
        int j = f1 == null ? -1 : f1.indexOf(id);
        if (f0 == null) return poseAt(f1, j);
        if (f1 == null) return poseAt(f0, i);
        if (i < 0 || j < 0) return frac < 0.5 ? poseAt(f0, i) : poseAt(f1, j);
        if (f0.life[i] != f1.life[j] || f0.alive[i] != f1.alive[j]) return frac < 0.5 ? f0.pose(i) : f1.pose(j);
        return new Pose(f0.x[i] + (f1.x[j] - f0.x[i]) * frac, f0.y[i] + (f1.y[j] - f0.y[i]) * frac, f0.life[i],
                f0.alive[i], f0.prot[i]);
    }

    /** The pose at index {@code i} of {@code slot}, or null when the ship was not there ({@code i < 0}). */
    private static Pose poseAt(Slot slot, int i) {
        return i < 0 ? null : slot.pose(i);
    }

    /** The {@code k}-th recorded tick, oldest first. */
    private Slot nth(int k) {
        return ring[(head + k) % ring.length];
    }

    private Slot oldest() {
        return nth(0);
    }

    private Slot newest() {
        return nth(count - 1);
    }

    /** A slot for {@code tick} at the new end, the oldest one's reused once the ring is full. */
    private Slot append(long tick) {
        Slot slot;
        if (count < ring.length) {
            slot = nth(count);
            count++;
        } else {
            slot = ring[head];
            head = (head + 1) % ring.length;
        }
        slot.reset(tick);
        return slot;
    }

    /** The slot recorded at {@code tick}, or null (a tick skipped, or outside the span). */
    private Slot slot(long tick) {
        // At most maxTicks + waitTicks + 1 slots (13 at 30 Hz), looked up only to check a shot.
        for (int k = 0; k < count; k++) {
            Slot f = nth(k);
            if (f.tick == tick) return f;
        }
        return null;
    }

    public void clear() {
        head = 0;
        count = 0;
    }

    JsonArray save() {
        JsonArray out = new JsonArray();
        for (int k = 0; k < count; k++) {
            Slot f = nth(k);
            JsonObject o = new JsonObject();
            o.addProperty("tick", f.tick);
            JsonArray ps = new JsonArray();
            for (int i = 0; i < f.n; i++) {
                JsonArray a = new JsonArray();
                a.add(f.ids[i]);
                a.add(f.x[i]);
                a.add(f.y[i]);
                a.add(f.life[i]);
                a.add(f.alive[i]);
                a.add(f.prot[i]);
                ps.add(a);
            }
            o.add("poses", ps);
            out.add(o);
        }
        return out;
    }

    /** Puts back what {@link #save()} wrote (the newest ticks, when it holds more than this keeps). */
    void restore(JsonArray saved) {
        clear();
        for (var e : saved) {
            JsonObject o = e.getAsJsonObject();
            Slot slot = append(o.get("tick").getAsLong());
            for (var pe : o.getAsJsonArray("poses")) {
                JsonArray a = pe.getAsJsonArray();
                slot.add(a.get(0).getAsInt(), a.get(1).getAsDouble(), a.get(2).getAsDouble(),
                        a.get(3).getAsInt(), a.get(4).getAsBoolean(), a.get(5).getAsBoolean());
            }
        }
    }
}
