package io.skirmish.snapshot;

import static io.skirmish.snapshot.FrameCodecTest.assertChain;
import static io.skirmish.snapshot.FrameCodecTest.frame;
import static io.skirmish.snapshot.FrameCodecTest.next;
import static io.skirmish.snapshot.FrameCodecTest.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact codec at its edges: malformed input, big frames, dead ships' countdowns, and a chain restarted. */
class SnapshotEdgesTest {
    private static Frame.ShipRec dead(int id, int respawn) {
        return new Frame.ShipRec(id, 3200, 3200, 0, 0, 0, 0, 10, 2, respawn, 0, 0, 1, true);
    }

    /** {@code f} one tick later with ship 1's respawn countdown at {@code respawn}. */
    private static Frame withRespawn(Frame f, int respawn) {
        Frame n = next(f);
        List<Frame.ShipRec> ships = new ArrayList<>(n.ships());
        Frame.ShipRec s = ships.get(0);
        ships.set(0, new Frame.ShipRec(s.id(), s.x(), s.y(), s.vx(), s.vy(), s.aim(), s.hp(), s.seq(), s.st(), respawn,
                s.score(), s.kills(), s.deaths(), s.connected()));
        return new Frame(n.tickRate(), n.tick(), n.time(), n.phase(), n.round(), n.phaseEndsAt(), ships, n.shots());
    }

    @Test
    void onlyANonEmptyFrameWithoutTheDeltaBitIsAKeyframe() {
        Frame f = frame(10, List.of(ship(1, 1, 1, 0)), List.of());
        assertTrue(FrameDecoder.isKeyframe(FrameEncoder.keyframe(f)));
        assertFalse(FrameDecoder.isKeyframe(FrameEncoder.delta(f, next(f))));
        assertFalse(FrameDecoder.isKeyframe(new byte[0]));
    }

    @Test
    void malformedBytesAreRefusedAsSuch() {
        Frame f = frame(10, List.of(ship(1, 1, 1, 0)), List.of());
        byte[] key = FrameEncoder.keyframe(f);
        byte[] trailing = Arrays.copyOf(key, key.length + 1);
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, trailing), "trailing bytes");
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, new byte[] {(byte) 0x80}),
                "a varint cut short");
        byte[] overlong = new byte[12];
        Arrays.fill(overlong, (byte) 0xff);
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, overlong), "a varint too long");
        Frame noRate = new Frame(0, 10, 1000, 0, 0, 0, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.decode(null, FrameEncoder.keyframe(noRate)),
                "a tick rate of 0");
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.delta(f, f), "a delta on the same tick");
    }

    @Test
    void framesBiggerThanTheFirstBufferRoundTrip() {
        List<Frame.ShipRec> ships = new ArrayList<>();
        List<Frame.ShipRec> moved = new ArrayList<>();
        for (int id = 1; id <= 200; id++) {
            ships.add(ship(id, id * 3, id * 2, 0));
            moved.add(ship(id, id * 3 + 7, id * 2 - 5, 4));
        }
        Frame a = frame(100, ships, List.of());
        Frame b = frame(101, moved, List.of());
        assertTrue(FrameEncoder.delta(a, b).length > 1_000, "every ship changed: a long delta");
        assertChain(a, b);
        byte[] spectators = FrameEncoder.withDelay(FrameEncoder.delta(a, b), 1234);
        assertEquals(b.withDelay(1234), FrameDecoder.decode(a, spectators));
    }

    @Test
    void shipsJoiningWithLowerIdsAreDecodedInIdOrder() {
        Frame a = frame(10, List.of(ship(5, 1, 1, 0), ship(9, 2, 2, 0)), List.of());
        Frame b = frame(11, List.of(ship(2, 3, 3, 0), ship(5, 1, 1, 0), ship(7, 4, 4, 0), ship(9, 2, 2, 0)), List.of());
        assertChain(a, b);
    }

    @Test
    void aDeadShipsCountdownCostsNothingWhenItGoesAsPredicted() {
        Frame alive = frame(10, List.of(ship(1, 100, 100, 0)), List.of());
        int idle = FrameEncoder.delta(alive, next(alive)).length;
        Frame dying = frame(10, List.of(dead(1, 90)), List.of());
        Frame counted = withRespawn(dying, 89);
        assertEquals(idle, FrameEncoder.delta(dying, counted).length, "89 after 90 is predicted: no state bytes");
        assertChain(dying, counted);
        Frame jumped = withRespawn(dying, 50);
        assertTrue(FrameEncoder.delta(dying, jumped).length > idle);
        assertChain(dying, jumped);
        Frame later = withRespawn(next(dying), 87); // two ticks: 90 -> 88 predicted, 87 is not
        assertChain(dying, later);
        Frame done = withRespawn(dying, 0);
        assertChain(dying, done);
    }

    @Test
    void varintsAreSevenBitsAByte() {
        Varint.Sink s = new Varint.Sink();
        s.u(127);
        assertEquals(1, s.length());
        s.u(300);
        assertEquals(3, s.length());
        s.s(-1);
        assertEquals(4, s.length());
        assertEquals(List.of(127, 0xac, 0x02, 0x01), toList(s.toBytes()));
        Varint.Source in = new Varint.Source(s.toBytes());
        assertEquals(127, in.u());
        assertEquals(300, in.u());
        assertEquals(-1, in.s());
        assertTrue(in.done());
        assertThrows(IllegalArgumentException.class, () -> new Varint.Sink().u(-1));
    }

    private static List<Integer> toList(byte[] b) {
        List<Integer> l = new ArrayList<>();
        for (byte x : b) l.add(x & 0xff);
        return l;
    }

    @Test
    void encodingTimeIsTheTimeSpentEncoding() {
        SnapshotChain chain = new SnapshotChain();
        Frame a = frame(10, List.of(ship(1, 1, 1, 0)), List.of());
        chain.append(a);
        long before = System.nanoTime();
        CompactSnapshot s = chain.append(next(a));
        s.keyframe();
        long took = System.nanoTime() - before;
        assertTrue(s.encodeNanos() > 0 && s.encodeNanos() <= took, s.encodeNanos() + " of " + took);
    }

    @Test
    void aReceiverLeftOutIsForgottenEvenWhenTheTicksStartAgain() {
        SnapshotChain chain = new SnapshotChain();
        SnapshotChain.Receivers<String> players = new SnapshotChain.Receivers<>();
        Frame f10 = frame(10, List.of(ship(1, 1, 1, 0)), List.of());
        CompactSnapshot s10 = chain.append(f10);
        players.sent("ann", s10, true);
        players.sent("bob", s10, true);
        players.endSnapshot();
        CompactSnapshot s11 = chain.append(next(f10));
        players.sent("bob", s11, true); // ann left
        players.endSnapshot();
        // A new round restarts the ticks: tick 10 again, another state.
        Frame g10 = frame(10, List.of(ship(1, 50, 50, 0)), List.of());
        CompactSnapshot t10 = chain.append(g10);
        players.sent("bob", t10, true);
        players.endSnapshot();
        CompactSnapshot t11 = chain.append(next(g10));
        assertEquals(t11.keyframe(), players.payloadFor("ann", t11), "ann holds the old tick 10: a keyframe");
        assertEquals(t11.payloadFor(10), players.payloadFor("bob", t11));
    }
}
