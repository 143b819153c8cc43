package io.skirmish.snapshot;

import java.util.List;

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

    /**
     * Ships: the indices in {@code prev} of those gone, the ships added (in {@code f}'s order), then the
     * kept ones that changed, by their index among the kept. Both lists are by ascending id, so one merge
     * pass pairs them; two passes (count, then write) keep it free of maps, lists and scratch buffers.
     */
    private static void ships(Varint.Sink out, Frame prev, Frame f, long dt) {
        List<Frame.ShipRec> was = prev.ships();
        List<Frame.ShipRec> now = f.ships();
        out.u(countShips(was, now));
        int last = -1;
        for (int i = 0, j = 0; i < was.size(); i++) {
            j = seek(now, j, was.get(i).id());
            if (!holds(now, j, was.get(i).id())) {
                out.u(i - last - 1);
                last = i;
            }
        }
        out.u(countShips(now, was));
        int lastId = 0;
        for (int i = 0, j = 0; i < now.size(); i++) {
            Frame.ShipRec s = now.get(i);
            j = seek(was, j, s.id());
            if (!holds(was, j, s.id())) {
                fullShip(out, s, lastId);
                lastId = s.id();
            }
        }
        out.u(changedShips(was, now, dt, f.tickRate()));
        int kept = -1;
        last = -1;
        for (int i = 0, j = 0; i < was.size(); i++) {
            Frame.ShipRec p = was.get(i);
            j = seek(now, j, p.id());
            if (!holds(now, j, p.id())) {
                continue;
            }
            kept++;
            Frame.ShipRec n = now.get(j);
            int mask = mask(p, n, dt, f.tickRate());
            if (mask != 0) {
                out.u(kept - last - 1);
                last = kept;
                changes(out, mask, p, n, dt, f.tickRate());
            }
        }
    }

    /** How many ships of {@code a} are not in {@code b} (both by ascending id). */
    private static int countShips(List<Frame.ShipRec> a, List<Frame.ShipRec> b) {
        int missing = 0;
        for (int i = 0, j = 0; i < a.size(); i++) {
            j = seek(b, j, a.get(i).id());
            if (!holds(b, j, a.get(i).id())) {
                missing++;
            }
        }
        return missing;
    }

    /** How many ships in both frames changed other than as predicted. */
    private static int changedShips(List<Frame.ShipRec> was, List<Frame.ShipRec> now, long dt, int tickRate) {
        int changed = 0;
        for (int i = 0, j = 0; i < was.size(); i++) {
            j = seek(now, j, was.get(i).id());
            if (holds(now, j, was.get(i).id()) && mask(was.get(i), now.get(j), dt, tickRate) != 0) {
                changed++;
            }
        }
        return changed;
    }

    /** The first index at or after {@code from} whose ship's id is at least {@code id} (ships by ascending id). */
    private static int seek(List<Frame.ShipRec> ships, int from, int id) {
        int j = from;
        while (j < ships.size() && ships.get(j).id() < id) {
            j++;
        }
        return j;
    }

    /** Whether the ship at {@code j} (where {@link #seek} stopped) is the one with this id. */
    private static boolean holds(List<Frame.ShipRec> ships, int j, int id) {
        return j < ships.size() && ships.get(j).id() == id;
    }

    /** One kept ship's change: its mask, then the fields the mask names. */
    private static void changes(Varint.Sink out, int mask, Frame.ShipRec p, Frame.ShipRec n, long dt, int tickRate) {
        out.u(mask);
        if ((mask & Schema.VEL) != 0) {
            out.s(n.vx() - p.vx());
            out.s(n.vy() - p.vy());
        }
        if ((mask & Schema.POS) != 0) {
            out.s(n.x() - Schema.predict(p.x(), n.vx(), dt, tickRate));
            out.s(n.y() - Schema.predict(p.y(), n.vy(), dt, tickRate));
        }
        if ((mask & Schema.AIM) != 0) {
            out.s(Schema.aimDelta(p.aim(), n.aim()));
        }
        if ((mask & Schema.HP) != 0) {
            out.u(n.hp());
        }
        if ((mask & Schema.SEQ) != 0) {
            out.s(n.seq() - (p.seq() + dt));
        }
        if ((mask & Schema.STATE) != 0) {
            out.u(Schema.stc(n));
            if (n.st() == 2) {
                out.u(n.respawn());
            }
        }
        if ((mask & Schema.SCORE) != 0) {
            out.u(n.score());
            out.u(n.kills());
            out.u(n.deaths());
        }
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

    /**
     * Shots: the indices in {@code prev} of those gone, then the new ones relative to their owner. Shot
     * lists are in the server's order, not by id (ids wrap), so membership is a scan; a room has tens of
     * shots, and the scans allocate nothing.
     */
    private static void shots(Varint.Sink out, Frame prev, Frame f) {
        List<Frame.ShotRec> was = prev.shots();
        List<Frame.ShotRec> now = f.shots();
        out.u(countShots(was, now));
        int last = -1;
        for (int i = 0; i < was.size(); i++) {
            if (!hasShot(now, was.get(i).id())) {
                out.u(i - last - 1);
                last = i;
            }
        }
        out.u(countShots(now, was));
        int lastId = was.isEmpty() ? 0 : was.get(was.size() - 1).id();
        for (int i = 0; i < now.size(); i++) {
            Frame.ShotRec s = now.get(i);
            if (!hasShot(was, s.id())) {
                Frame.ShipRec owner = ship(f.ships(), s.owner());
                fullShot(out, s, lastId, owner == null ? 0 : owner.x(), owner == null ? 0 : owner.y());
                lastId = s.id();
            }
        }
    }

    /** How many shots of {@code a} are not in {@code b}. */
    private static int countShots(List<Frame.ShotRec> a, List<Frame.ShotRec> b) {
        int missing = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!hasShot(b, a.get(i).id())) {
                missing++;
            }
        }
        return missing;
    }

    private static boolean hasShot(List<Frame.ShotRec> shots, int id) {
        for (int i = 0; i < shots.size(); i++) {
            if (shots.get(i).id() == id) {
                return true;
            }
        }
        return false;
    }

    /** The ship with this id, or null (ships by ascending id). */
    private static Frame.ShipRec ship(List<Frame.ShipRec> ships, int id) {
        int j = seek(ships, 0, id);
        return holds(ships, j, id) ? ships.get(j) : null;
    }
}
