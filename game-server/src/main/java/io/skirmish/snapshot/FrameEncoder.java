package io.skirmish.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Frame} as a keyframe, or as a delta against the previous one. Stateless. */
public final class FrameEncoder {
    private FrameEncoder() {}

    /** The whole frame: decodable alone. */
    public static byte[] keyframe(Frame f) {
        Varint.Sink out = new Varint.Sink();
        header(out, Schema.PHASE, f);
        out.u(f.tickRate());
        out.u(f.tick());
        out.u(f.time());
        phase(out, f);
        out.u(f.ships().size());
        int lastId = 0;
        for (Frame.ShipRec s : f.ships()) {
            fullShip(out, s, lastId);
            lastId = s.id();
        }
        out.u(f.shots().size());
        int lastShot = 0;
        for (Frame.ShotRec s : f.shots()) {
            fullShot(out, s, lastShot, 0, 0);
            lastShot = s.id();
        }
        return out.toBytes();
    }

    /** What changed from {@code prev} to {@code f}: decodable only by a client holding exactly {@code prev}. */
    public static byte[] delta(Frame prev, Frame f) {
        if (f.tick() <= prev.tick() || f.tickRate() != prev.tickRate()) {
            throw new IllegalArgumentException("a delta goes forward, at one tick rate");
        }
        long dt = f.tick() - prev.tick();
        boolean phaseChanged = f.phase() != prev.phase() || f.round() != prev.round()
                || f.phaseEndsAt() != prev.phaseEndsAt();
        Varint.Sink out = new Varint.Sink();
        header(out, Schema.DELTA | (phaseChanged ? Schema.PHASE : 0), f);
        out.u(Schema.baseCheck(prev.tick()));
        out.u(dt);
        out.s(f.time() - prev.time());
        if (phaseChanged) {
            phase(out, f);
        }
        ships(out, prev, f, dt);
        shots(out, prev, f);
        return out.toBytes();
    }

    /**
     * The same snapshot as a spectator's copy: {@code encoded} (a keyframe or a delta of a player's copy)
     * with the delay in its header. Byte for byte what encoding {@code f.withDelay(delayMs)} gives, at the
     * cost of a copy, so a room encodes its spectators' forms without encoding the frame again.
     */
    public static byte[] withDelay(byte[] encoded, long delayMs) {
        Varint.Source in = new Varint.Source(encoded);
        long flags = in.u();
        if ((flags & Schema.DELAY) != 0) {
            throw new IllegalArgumentException("already a spectator's copy");
        }
        Varint.Sink out = new Varint.Sink();
        out.u(flags | Schema.DELAY);
        out.u(delayMs);
        out.append(encoded, in.position());
        return out.toBytes();
    }

    /** The first varint (flags), and the delay after it on a spectator's copy. */
    private static void header(Varint.Sink out, int flags, Frame f) {
        if (f.delayed()) {
            out.u(flags | Schema.DELAY);
            out.u(f.delayMs());
        } else {
            out.u(flags);
        }
    }

    private static void phase(Varint.Sink out, Frame f) {
        out.u(f.phase());
        out.u(f.round());
        if (f.phaseEndsAt() == 0) {
            out.u(0);
        } else {
            out.u(1);
            out.s(f.phaseEndsAt() - f.time());
        }
    }

    private static void fullShip(Varint.Sink out, Frame.ShipRec s, int lastId) {
        out.u(s.id() - lastId);
        out.s(s.x());
        out.s(s.y());
        out.s(s.vx());
        out.s(s.vy());
        out.u(s.aim());
        out.u(s.hp());
        out.u(s.seq());
        out.u(Schema.stc(s));
        if (s.st() == 2) {
            out.u(s.respawn());
        }
        out.u(s.score());
        out.u(s.kills());
        out.u(s.deaths());
    }

    private static void fullShot(Varint.Sink out, Frame.ShotRec s, int lastId, long baseX, long baseY) {
        out.s(s.id() - lastId); // int arithmetic: wraps with the id counter
        out.u(s.owner());
        out.s(s.x() - baseX);
        out.s(s.y() - baseY);
        out.s(s.stepX());
        out.s(s.stepY());
    }

    private static void ships(Varint.Sink out, Frame prev, Frame f, long dt) {
        Map<Integer, Frame.ShipRec> now = new HashMap<>();
        for (Frame.ShipRec s : f.ships()) {
            now.put(s.id(), s);
        }
        List<Integer> gone = new ArrayList<>();
        List<Frame.ShipRec[]> kept = new ArrayList<>(); // survivors: {prev, now}, in prev order
        List<Frame.ShipRec> prevShips = prev.ships();
        Map<Integer, Boolean> seen = new HashMap<>();
        for (int i = 0; i < prevShips.size(); i++) {
            Frame.ShipRec p = prevShips.get(i);
            Frame.ShipRec n = now.get(p.id());
            seen.put(p.id(), Boolean.TRUE);
            if (n == null) {
                gone.add(i);
            } else {
                kept.add(new Frame.ShipRec[] {p, n});
            }
        }
        gaps(out, gone);
        List<Frame.ShipRec> added = new ArrayList<>();
        for (Frame.ShipRec s : f.ships()) {
            if (!seen.containsKey(s.id())) {
                added.add(s);
            }
        }
        out.u(added.size());
        int lastId = 0;
        for (Frame.ShipRec s : added) {
            fullShip(out, s, lastId);
            lastId = s.id();
        }
        Varint.Sink changes = new Varint.Sink();
        int changed = 0;
        int last = -1;
        for (int i = 0; i < kept.size(); i++) {
            Frame.ShipRec p = kept.get(i)[0];
            Frame.ShipRec n = kept.get(i)[1];
            int mask = mask(p, n, dt, f.tickRate());
            if (mask == 0) {
                continue;
            }
            changed++;
            changes.u(i - last - 1);
            last = i;
            changes.u(mask);
            if ((mask & Schema.VEL) != 0) {
                changes.s(n.vx() - p.vx());
                changes.s(n.vy() - p.vy());
            }
            if ((mask & Schema.POS) != 0) {
                changes.s(n.x() - Schema.predict(p.x(), n.vx(), dt, f.tickRate()));
                changes.s(n.y() - Schema.predict(p.y(), n.vy(), dt, f.tickRate()));
            }
            if ((mask & Schema.AIM) != 0) {
                changes.s(Schema.aimDelta(p.aim(), n.aim()));
            }
            if ((mask & Schema.HP) != 0) {
                changes.u(n.hp());
            }
            if ((mask & Schema.SEQ) != 0) {
                changes.s(n.seq() - (p.seq() + dt));
            }
            if ((mask & Schema.STATE) != 0) {
                changes.u(Schema.stc(n));
                if (n.st() == 2) {
                    changes.u(n.respawn());
                }
            }
            if ((mask & Schema.SCORE) != 0) {
                changes.u(n.score());
                changes.u(n.kills());
                changes.u(n.deaths());
            }
        }
        out.u(changed);
        out.append(changes);
    }

    private static int mask(Frame.ShipRec p, Frame.ShipRec n, long dt, int tickRate) {
        int m = 0;
        if (n.vx() != p.vx() || n.vy() != p.vy()) m |= Schema.VEL;
        if (n.x() != Schema.predict(p.x(), n.vx(), dt, tickRate) || n.y() != Schema.predict(p.y(), n.vy(), dt, tickRate)) {
            m |= Schema.POS;
        }
        if (n.aim() != p.aim()) m |= Schema.AIM;
        if (n.hp() != p.hp()) m |= Schema.HP;
        if (n.seq() != p.seq() + dt) m |= Schema.SEQ;
        boolean stateAsPredicted = Schema.stc(n) == Schema.stc(p)
                && (n.st() != 2 || n.respawn() == Schema.predictRespawn(p, dt));
        if (!stateAsPredicted) m |= Schema.STATE;
        if (n.score() != p.score() || n.kills() != p.kills() || n.deaths() != p.deaths()) m |= Schema.SCORE;
        return m;
    }

    private static void shots(Varint.Sink out, Frame prev, Frame f) {
        Map<Integer, Boolean> now = new HashMap<>();
        for (Frame.ShotRec s : f.shots()) {
            now.put(s.id(), Boolean.TRUE);
        }
        List<Integer> gone = new ArrayList<>();
        Map<Integer, Boolean> before = new HashMap<>();
        for (int i = 0; i < prev.shots().size(); i++) {
            Frame.ShotRec s = prev.shots().get(i);
            before.put(s.id(), Boolean.TRUE);
            if (!now.containsKey(s.id())) {
                gone.add(i);
            }
        }
        gaps(out, gone);
        List<Frame.ShotRec> added = new ArrayList<>();
        for (Frame.ShotRec s : f.shots()) {
            if (!before.containsKey(s.id())) {
                added.add(s);
            }
        }
        out.u(added.size());
        int lastId = prev.shots().isEmpty() ? 0 : prev.shots().get(prev.shots().size() - 1).id();
        Map<Integer, Frame.ShipRec> ships = new HashMap<>();
        for (Frame.ShipRec s : f.ships()) {
            ships.put(s.id(), s);
        }
        for (Frame.ShotRec s : added) {
            Frame.ShipRec owner = ships.get(s.owner());
            fullShot(out, s, lastId, owner == null ? 0 : owner.x(), owner == null ? 0 : owner.y());
            lastId = s.id();
        }
    }

    /** A count, then ascending indices as gaps ({@code index - previous - 1}, the first from -1). */
    private static void gaps(Varint.Sink out, List<Integer> indices) {
        out.u(indices.size());
        int last = -1;
        for (int i : indices) {
            out.u(i - last - 1);
            last = i;
        }
    }
}
