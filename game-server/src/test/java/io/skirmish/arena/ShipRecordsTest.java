package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A frame's ships share what did not change with the previous frame, and only that. */
class ShipRecordsTest {
    private final Map<Integer, Long> seqs = new TreeMap<>();
    private final Set<Integer> offline = new TreeSet<>(Set.of(3));
    private final PlayerFacts facts = new PlayerFacts() {
        @Override
        public long lastAppliedSeq(int playerId) {
            return seqs.getOrDefault(playerId, 0L);
        }

        @Override
        public boolean connected(int playerId) {
            return !offline.contains(playerId);
        }
    };

    private static Ship ship(int id, double x) {
        Ship s = new Ship(id, "p" + id);
        s.body.x = x;
        s.body.y = 10;
        s.hp = 100;
        return s;
    }

    /** What a fresh builder makes of these ships: the values every frame must hold. */
    private List<Frame.ShipRec> fresh(List<Ship> ships) {
        List<Frame.ShipRec> out = new ArrayList<>();
        for (Ship s : ships) out.add(ShipRecords.record(s, facts, null));
        return out;
    }

    @Test
    void nothingChangedGivesTheSameListAndEveryFieldThatChangesMakesANewRecord() {
        ShipRecords records = new ShipRecords();
        List<Ship> ships = List.of(ship(1, 5), ship(2, 50), ship(3, 90));
        List<Frame.ShipRec> a = records.of(ships, facts);
        assertEquals(fresh(ships), a);
        assertSame(a, records.of(ships, facts), "an unchanged room shares the whole list");

        ships.get(1).body.x += 1;
        List<Frame.ShipRec> b = records.of(ships, facts);
        assertEquals(fresh(ships), b);
        assertNotSame(a, b);
        assertSame(a.get(0), b.get(0));
        assertNotEquals(a.get(1), b.get(1));
        assertSame(a.get(2), b.get(2));

        seqs.put(3, 42L);
        List<Frame.ShipRec> c = records.of(ships, facts);
        assertEquals(42, c.get(2).seq());
        assertSame(b.get(1), c.get(1));

        ships.get(0).score = 7;
        ships.get(0).kills = 1;
        assertEquals(fresh(ships), records.of(ships, facts));
        ships.get(2).aim = 1.0;
        ships.get(2).hp = 40;
        assertEquals(fresh(ships), records.of(ships, facts));
    }

    @Test
    void eachFieldChangedAloneIsSeen() {
        ShipRecords records = new ShipRecords();
        Ship s = ship(1, 5);
        List<Ship> ships = List.of(s);
        List<Runnable> changes = List.of(
                () -> s.body.x += 1, () -> s.body.y += 1, () -> s.body.vx += 3, () -> s.body.vy -= 3,
                () -> s.aim += 0.5, () -> s.hp -= 10, () -> seqs.merge(1, 1L, Long::sum),
                () -> s.respawnTicks = 5, () -> s.hp = 0, () -> s.respawnTicks = 4, () -> s.respawnTicks = 0,
                () -> s.protectTicks = 9, () -> s.score += 1, () -> s.kills += 1, () -> s.deaths += 1,
                () -> offline.add(1), () -> offline.remove(1));
        List<Frame.ShipRec> before = records.of(ships, facts);
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).run();
            List<Frame.ShipRec> after = records.of(ships, facts);
            assertEquals(fresh(ships), after, "change " + i);
            assertNotEquals(before, after, "change " + i + " shows");
            before = after;
        }
    }

    @Test
    void aShipJoiningOrLeavingGivesANewListWithTheRightShips() {
        ShipRecords records = new ShipRecords();
        List<Ship> two = List.of(ship(1, 5), ship(2, 50));
        List<Frame.ShipRec> a = records.of(two, facts);
        List<Ship> three = new ArrayList<>(two);
        three.add(ship(4, 70));
        List<Frame.ShipRec> b = records.of(three, facts);
        assertEquals(fresh(three), b);
        assertSame(a.get(1), b.get(1));
        List<Ship> one = List.of(two.get(1));
        assertEquals(fresh(one), records.of(one, facts), "a record is reused only for the same ship id");
        assertEquals(List.of(), records.of(List.of(), facts));
    }
}
