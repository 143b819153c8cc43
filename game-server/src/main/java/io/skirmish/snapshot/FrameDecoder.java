package io.skirmish.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link FrameEncoder} writes. The JavaScript port is {@code game-client-js/src/net/snapshotCodec.js};
 * the load bots use this class.
 */
public final class FrameDecoder {
    /** Caps on what a snapshot may hold, so that junk cannot make a client allocate without bound. */
    static final int MAX_SHIPS = 1024;
    static final int MAX_SHOTS = 1 << 16;

    private FrameDecoder() {}

    /** Whether {@code bytes} is a keyframe (decodable without a previous frame). */
    public static boolean isKeyframe(byte[] bytes) {
        return bytes.length > 0 && (bytes[0] & Schema.DELTA) == 0;
    }

    /**
     * @param prev the frame the client holds (may be null when {@code bytes} is a keyframe)
     * @throws IllegalArgumentException when the bytes are malformed, or a delta does not apply to {@code prev}
     */
    public static Frame decode(Frame prev, byte[] bytes) {
        Varint.Source in = new Varint.Source(bytes);
        long flags = in.u();
        long delayMs = (flags & Schema.DELAY) != 0 ? in.u() : Frame.LIVE;
        Frame f = (flags & Schema.DELTA) == 0 ? keyframe(in, delayMs) : delta(in, flags, prev, delayMs);
        if (!in.done()) {
            throw new IllegalArgumentException("trailing bytes in snapshot");
        }
        return f;
    }

    private static Frame keyframe(Varint.Source in, long delayMs) {
        int tickRate = (int) in.u();
        if (tickRate <= 0) {
            throw new IllegalArgumentException("bad tick rate");
        }
        long tick = in.u();
        long time = in.u();
        int phase = (int) in.u();
        int round = (int) in.u();
        long endsAt = phaseEndsAt(in, time);
        int n = in.count(MAX_SHIPS);
        List<Frame.ShipRec> ships = new ArrayList<>(n);
        int lastId = 0;
        for (int i = 0; i < n; i++) {
            Frame.ShipRec s = fullShip(in, lastId);
            ships.add(s);
            lastId = s.id();
        }
        int m = in.count(MAX_SHOTS);
        List<Frame.ShotRec> shots = new ArrayList<>(m);
        int lastShot = 0;
        for (int i = 0; i < m; i++) {
            Frame.ShotRec s = fullShot(in, lastShot, null);
            shots.add(s);
            lastShot = s.id();
        }
        return new Frame(tickRate, tick, time, phase, round, endsAt, ships, shots, delayMs);
    }

    private static Frame delta(Varint.Source in, long flags, Frame prev, long delayMs) {
        if (prev == null) {
            throw new IllegalArgumentException("a delta needs the previous snapshot");
        }
        if (in.u() != Schema.baseCheck(prev.tick())) {
            throw new IllegalArgumentException("the delta is not based on the snapshot held");
        }
        long dt = in.u();
        long tick = prev.tick() + dt;
        long time = prev.time() + in.s();
        int phase = prev.phase();
        int round = prev.round();
        long endsAt = prev.phaseEndsAt();
        if ((flags & Schema.PHASE) != 0) {
            phase = (int) in.u();
            round = (int) in.u();
            endsAt = phaseEndsAt(in, time);
        }
        int tickRate = prev.tickRate();
        List<Frame.ShipRec> ships = ships(in, prev, dt, tickRate);
        List<Frame.ShotRec> shots = shots(in, prev, dt, ships);
        return new Frame(tickRate, tick, time, phase, round, endsAt, ships, shots, delayMs);
    }

    private static long phaseEndsAt(Varint.Source in, long time) {
        return in.u() == 0 ? 0 : time + in.s();
    }

    private static Frame.ShipRec fullShip(Varint.Source in, int lastId) {
        int id = (int) (lastId + in.u());
        long x = in.s();
        long y = in.s();
        long vx = in.s();
        long vy = in.s();
        int aim = (int) in.u();
        int hp = (int) in.u();
        long seq = in.u();
        int stc = (int) in.u();
        int st = stc & 3;
        int respawn = st == 2 ? (int) in.u() : 0;
        int score = (int) in.u();
        int kills = (int) in.u();
        int deaths = (int) in.u();
        return new Frame.ShipRec(id, x, y, vx, vy, aim, hp, seq, st, respawn, score, kills, deaths, (stc & 4) == 0);
    }

    private static Frame.ShotRec fullShot(Varint.Source in, int lastId, List<Frame.ShipRec> ships) {
        int id = (int) (lastId + in.s());
        int owner = (int) in.u();
        long bx = 0;
        long by = 0;
        if (ships != null) {
            for (Frame.ShipRec s : ships) {
                if (s.id() == owner) {
                    bx = s.x();
                    by = s.y();
                    break;
                }
            }
        }
        long x = bx + in.s();
        long y = by + in.s();
        return new Frame.ShotRec(id, owner, x, y, in.s(), in.s());
    }

    private static List<Frame.ShipRec> ships(Varint.Source in, Frame prev, long dt, int tickRate) {
        List<Frame.ShipRec> kept = new ArrayList<>(prev.ships());
        List<Integer> gone = gaps(in, prev.ships().size());
        for (int i = gone.size() - 1; i >= 0; i--) {
            kept.remove((int) gone.get(i));
        }
        int added = in.count(MAX_SHIPS);
        List<Frame.ShipRec> news = new ArrayList<>(added);
        int lastId = 0;
        for (int i = 0; i < added; i++) {
            Frame.ShipRec s = fullShip(in, lastId);
            news.add(s);
            lastId = s.id();
        }
        boolean[] changed = new boolean[kept.size()];
        int n = in.count(kept.size());
        int idx = -1;
        for (int c = 0; c < n; c++) {
            idx += (int) in.u() + 1;
            if (idx >= kept.size()) {
                throw new IllegalArgumentException("ship index out of range");
            }
            kept.set(idx, changedShip(in, kept.get(idx), dt, tickRate));
            changed[idx] = true;
        }
        for (int i = 0; i < kept.size(); i++) {
            if (!changed[i]) {
                kept.set(i, changedShip(null, kept.get(i), dt, tickRate));
            }
        }
        kept.addAll(news);
        kept.sort(Comparator.comparingInt(Frame.ShipRec::id));
        return kept;
    }

    /** A surviving ship after {@code dt} ticks: its predicted state, corrected by the fields in {@code in} (null: none). */
    private static Frame.ShipRec changedShip(Varint.Source in, Frame.ShipRec p, long dt, int tickRate) {
        int mask = in == null ? 0 : (int) in.u();
        long vx = p.vx();
        long vy = p.vy();
        if ((mask & Schema.VEL) != 0) {
            vx += in.s();
            vy += in.s();
        }
        long x = Schema.predict(p.x(), vx, dt, tickRate);
        long y = Schema.predict(p.y(), vy, dt, tickRate);
        if ((mask & Schema.POS) != 0) {
            x += in.s();
            y += in.s();
        }
        int aim = p.aim();
        if ((mask & Schema.AIM) != 0) {
            aim = Math.floorMod(aim + (int) in.s(), io.skirmish.arena.Quantum.ANGLE_STEPS);
        }
        int hp = (mask & Schema.HP) != 0 ? (int) in.u() : p.hp();
        long seq = p.seq() + dt + ((mask & Schema.SEQ) != 0 ? in.s() : 0);
        int st = p.st();
        boolean connected = p.connected();
        int respawn = st == 2 ? Schema.predictRespawn(p, dt) : 0;
        if ((mask & Schema.STATE) != 0) {
            int stc = (int) in.u();
            st = stc & 3;
            connected = (stc & 4) == 0;
            respawn = st == 2 ? (int) in.u() : 0;
        }
        int score = p.score();
        int kills = p.kills();
        int deaths = p.deaths();
        if ((mask & Schema.SCORE) != 0) {
            score = (int) in.u();
            kills = (int) in.u();
            deaths = (int) in.u();
        }
        return new Frame.ShipRec(p.id(), x, y, vx, vy, aim, hp, seq, st, respawn, score, kills, deaths, connected);
    }

    private static List<Frame.ShotRec> shots(Varint.Source in, Frame prev, long dt, List<Frame.ShipRec> ships) {
        List<Frame.ShotRec> kept = new ArrayList<>(prev.shots());
        List<Integer> gone = gaps(in, prev.shots().size());
        for (int i = gone.size() - 1; i >= 0; i--) {
            kept.remove((int) gone.get(i));
        }
        List<Frame.ShotRec> out = new ArrayList<>(kept.size() + 4);
        for (Frame.ShotRec s : kept) {
            out.add(new Frame.ShotRec(s.id(), s.owner(), s.x() + s.stepX() * dt, s.y() + s.stepY() * dt,
                    s.stepX(), s.stepY()));
        }
        int added = in.count(MAX_SHOTS);
        int lastId = prev.shots().isEmpty() ? 0 : prev.shots().get(prev.shots().size() - 1).id();
        for (int i = 0; i < added; i++) {
            Frame.ShotRec s = fullShot(in, lastId, ships);
            out.add(s);
            lastId = s.id();
        }
        return out;
    }

    private static List<Integer> gaps(Varint.Source in, int size) {
        int n = in.count(size);
        List<Integer> out = new ArrayList<>(n);
        int last = -1;
        for (int i = 0; i < n; i++) {
            last += (int) in.u() + 1;
            if (last >= size) {
                throw new IllegalArgumentException("index out of range");
            }
            out.add(last);
        }
        return out;
    }
}
