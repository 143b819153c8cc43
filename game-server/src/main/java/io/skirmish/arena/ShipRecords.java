package io.skirmish.arena;

import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;
import java.util.Collection;
import java.util.List;

/**
 * The ships of a room's frame, in wire units, sharing what did not change with the previous frame: a
 * ship whose record would be equal to last frame's is that record, and when no ship changed the list
 * is last frame's list. A frame is made every snapshot of every room and kept while a client may
 * hold it as a base, so an idle room makes no new records at all. Only values are shared, never
 * state: equal records mean equal frames, so what the encoder writes does not change. Game thread only.
 */
final class ShipRecords {
    private List<Frame.ShipRec> last = List.of();

    List<Frame.ShipRec> of(Collection<Ship> ships, PlayerFacts facts) {
        List<Frame.ShipRec> prev = last;
        int n = ships.size();
        Frame.ShipRec[] fresh = null;
        int k = 0;
        for (Ship s : ships) {
            Frame.ShipRec p = k < prev.size() ? prev.get(k) : null;
            Frame.ShipRec r = record(s, facts, p);
            if (fresh == null && (r != p || prev.size() != n)) {
                fresh = new Frame.ShipRec[n];
                for (int i = 0; i < k; i++) fresh[i] = prev.get(i);
            }
            if (fresh != null) fresh[k] = r;
            k++;
        }
        if (fresh != null) {
            last = List.of(fresh);
        } else if (n != prev.size()) {
            last = List.of(); // the last ship left
        }
        return last;
    }

    /** Ship {@code s} as a record: {@code p} itself when {@code p} holds exactly these values. */
    static Frame.ShipRec record(Ship s, PlayerFacts facts, Frame.ShipRec p) {
        int st = s.status();
        long x = Quantum.units(s.body.x);
        long y = Quantum.units(s.body.y);
        long vx = Quantum.units(s.body.vx);
        long vy = Quantum.units(s.body.vy);
        int aim = Quantum.angleStep(s.aim);
        long seq = facts.lastAppliedSeq(s.id);
        int respawn = st == Ship.DEAD ? s.respawnTicks : 0;
        boolean connected = facts.connected(s.id);
        if (p != null && p.id() == s.id && p.x() == x && p.y() == y && p.vx() == vx && p.vy() == vy
                && p.aim() == aim && p.hp() == s.hp && p.seq() == seq && p.st() == st && p.respawn() == respawn
                && p.score() == s.score && p.kills() == s.kills && p.deaths() == s.deaths
                && p.connected() == connected) {
            return p;
        }
        return new Frame.ShipRec(s.id, x, y, vx, vy, aim, s.hp, seq, st, respawn, s.score, s.kills, s.deaths,
                connected);
    }
}
