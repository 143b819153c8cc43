package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

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

    private record Frame(long tick, Map<Integer, Pose> poses) {}

    private final int maxTicks;
    private final int waitTicks;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();

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
        return frames.isEmpty() ? -1 : frames.peekLast().tick;
    }

    /**
     * Records where the ships are at {@code tick} (after they moved in it). Ticks increase; a tick
     * not after the newest starts a new timeline (the older ones are forgotten).
     */
    public void record(long tick, Collection<Ship> ships) {
        if (!frames.isEmpty() && tick <= frames.peekLast().tick) {
            frames.clear();
        }
        Map<Integer, Pose> poses = new HashMap<>(ships.size() * 2);
        for (Ship s : ships) {
            poses.put(s.id, new Pose(s.body.x, s.body.y, s.life, s.respawnTicks == 0, s.protectTicks > 0));
        }
        frames.addLast(new Frame(tick, poses));
        while (frames.size() > maxTicks + waitTicks + 1) {
            frames.removeFirst();
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
                frames.isEmpty() ? now : frames.peekFirst().tick);
        return Math.max(oldest, Math.min(now, viewTick));
    }

    /**
     * Ship {@code id} at a (fractional) tick within the span, or null if it was not there. Between
     * two ticks the position is interpolated; across a respawn the nearer tick is taken whole.
     */
    public Pose at(int id, double tick) {
        if (frames.isEmpty()) return null;
        tick = Math.max(frames.peekFirst().tick, Math.min(frames.peekLast().tick, tick));
        long lo = (long) Math.floor(tick);
        double frac = tick - lo;
        Frame f0 = frame(lo);
        Frame f1 = frac > 0 ? frame(lo + 1) : f0;
        if (f0 == null && f1 == null) return null;
        if (f0 == null) return f1.poses.get(id);
        if (f1 == null) return f0.poses.get(id);
        Pose a = f0.poses.get(id);
        Pose b = f1.poses.get(id);
        if (a == null || b == null) return frac < 0.5 ? a : b;
        if (a.life != b.life || a.alive != b.alive) return frac < 0.5 ? a : b;
        return new Pose(a.x + (b.x - a.x) * frac, a.y + (b.y - a.y) * frac, a.life, a.alive, a.protectedShip);
    }

    private Frame frame(long tick) {
        if (frames.isEmpty()) return null;
        long first = frames.peekFirst().tick;
        if (tick < first || tick > frames.peekLast().tick) return null;
        // Ticks are recorded every step, so the frame is usually at its offset; search otherwise.
        int offset = (int) (tick - first);
        if (offset < frames.size()) {
            Iterator<Frame> it = frames.iterator();
            for (int i = 0; i < offset; i++) it.next();
            Frame f = it.next();
            if (f.tick == tick) return f;
        }
        for (Frame f : frames) {
            if (f.tick == tick) return f;
        }
        return null;
    }

    public void clear() {
        frames.clear();
    }

    JsonArray save() {
        JsonArray out = new JsonArray();
        for (Frame f : frames) {
            JsonObject o = new JsonObject();
            o.addProperty("tick", f.tick);
            JsonArray ps = new JsonArray();
            for (Map.Entry<Integer, Pose> e : f.poses.entrySet()) {
                Pose p = e.getValue();
                JsonArray a = new JsonArray();
                a.add(e.getKey());
                a.add(p.x);
                a.add(p.y);
                a.add(p.life);
                a.add(p.alive);
                a.add(p.protectedShip);
                ps.add(a);
            }
            o.add("poses", ps);
            out.add(o);
        }
        return out;
    }

    void restore(JsonArray saved) {
        frames.clear();
        for (var e : saved) {
            JsonObject o = e.getAsJsonObject();
            Map<Integer, Pose> poses = new HashMap<>();
            for (var pe : o.getAsJsonArray("poses")) {
                JsonArray a = pe.getAsJsonArray();
                poses.put(a.get(0).getAsInt(), new Pose(a.get(1).getAsDouble(), a.get(2).getAsDouble(),
                        a.get(3).getAsInt(), a.get(4).getAsBoolean(), a.get(5).getAsBoolean()));
            }
            frames.addLast(new Frame(o.get("tick").getAsLong(), poses));
        }
    }
}
