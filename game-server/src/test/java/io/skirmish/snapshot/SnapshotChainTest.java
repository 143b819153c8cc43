package io.skirmish.snapshot;

import static io.skirmish.snapshot.FrameCodecTest.TICK_RATE;
import static io.skirmish.snapshot.FrameCodecTest.frame;
import static io.skirmish.snapshot.FrameCodecTest.next;
import static io.skirmish.snapshot.FrameCodecTest.ship;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A room's chain of snapshots: when a keyframe goes to all, and which form each receiver gets. */
class SnapshotChainTest {
    private final SnapshotChain chain = new SnapshotChain();

    /** Frames one tick apart in which a ship moves, so that every delta has content. */
    private static List<Frame> frames(long firstTick, int n) {
        List<Frame> out = new ArrayList<>();
        Frame f = frame(firstTick, List.of(ship(1, 100, 100, 5), ship(2, 300, 200, 0)), List.of());
        for (int i = 0; i < n; i++) {
            out.add(f);
            f = next(f);
        }
        return out;
    }

    private static Frame decodeText(Frame held, String payload) {
        assertTrue(payload.startsWith("\"") && payload.endsWith("\""), "a JSON string: " + payload);
        return FrameDecoder.decode(held, SnapshotText.bytes(payload.substring(1, payload.length() - 1)));
    }

    @Test
    void theFirstSnapshotIsAKeyframeThenDeltasUntilTheKeyframePeriod() {
        List<Frame> fs = frames(1000, 2 * SnapshotChain.KEYFRAME_SECONDS * TICK_RATE + 1);
        List<Long> keyTicks = new ArrayList<>();
        for (Frame f : fs) {
            if (chain.append(f).isKeyframeForAll()) {
                keyTicks.add(f.tick());
            }
        }
        long period = (long) SnapshotChain.KEYFRAME_SECONDS * TICK_RATE; // 90 ticks
        assertEquals(List.of(1000L, 1000 + period, 1000 + 2 * period), keyTicks);
    }

    @Test
    void aTickThatGoesBackOrAChangedTickRateStartsAFreshKeyframe() {
        Frame a = frame(50, List.of(ship(1, 1, 1, 0)), List.of());
        assertTrue(chain.append(a).isKeyframeForAll());
        assertFalse(chain.append(next(a)).isKeyframeForAll());
        assertTrue(chain.append(next(a)).isKeyframeForAll(), "the same tick again: no delta on it");
        assertTrue(chain.append(a).isKeyframeForAll(), "a tick back (a new round's reset): no delta on it");
        Frame faster = new Frame(60, 52, a.time(), 2, 3, a.phaseEndsAt(), a.ships(), a.shots());
        assertTrue(chain.append(faster).isKeyframeForAll(), "no delta across tick rates");
    }

    @Test
    void aClientHoldingTheBaseGetsTheDeltaAnyOtherTheKeyframe() {
        List<Frame> fs = frames(10, 3);
        CompactSnapshot s0 = chain.append(fs.get(0));
        CompactSnapshot s1 = chain.append(fs.get(1));
        assertEquals(10, s0.tick());
        assertSame(fs.get(1), s1.frame());
        assertTrue(s0.isKeyframeForAll());
        assertFalse(s1.isKeyframeForAll());

        Frame held = decodeText(null, s0.payloadFor(-1));
        assertEquals(fs.get(0), held);
        String delta = s1.payloadFor(10);
        assertEquals(fs.get(1), decodeText(held, delta));
        assertFalse(FrameDecoder.isKeyframe(SnapshotText.bytes(delta.substring(1, delta.length() - 1))));

        String key = s1.payloadFor(-1);
        assertEquals(s1.keyframe(), key);
        assertSame(key, s1.payloadFor(9), "a client holding another snapshot gets the same keyframe text");
        assertEquals(fs.get(1), decodeText(null, key));
        assertTrue(key.length() > delta.length());
    }

    @Test
    void bytesAreTheCommonFormsSize() {
        List<Frame> fs = frames(10, 2);
        CompactSnapshot s0 = chain.append(fs.get(0));
        assertEquals(0, s0.bytes(), "a keyframe not yet encoded");
        assertEquals(0, s0.encodeNanos());
        String key = s0.keyframe();
        assertEquals(key.length(), s0.bytes());
        CompactSnapshot s1 = chain.append(fs.get(1));
        assertEquals(s1.payloadFor(10).length(), s1.bytes(), "the delta most clients get");
        s1.keyframe();
        assertEquals(s1.payloadFor(10).length(), s1.bytes(), "still the delta once a keyframe was made too");
    }

    @Test
    void spectatorsGetTheSameFormsWithTheirDelayInTheHeader() {
        List<Frame> fs = frames(10, 2);
        CompactSnapshot s0 = chain.append(fs.get(0));
        CompactSnapshot s1 = chain.append(fs.get(1));
        assertEquals(s1.payloadFor(10), s1.payloadFor(10, Frame.LIVE), "LIVE is a player's copy");
        assertEquals(s1.keyframe(), s1.payloadFor(3, Frame.LIVE));

        String spectatorKey = s0.payloadFor(-1, 2000);
        Frame held = decodeText(null, spectatorKey);
        assertEquals(fs.get(0).withDelay(2000), held);
        String spectatorDelta = s1.payloadFor(10, 2000);
        assertEquals(fs.get(1).withDelay(2000), decodeText(held, spectatorDelta));
        assertSame(spectatorDelta, s1.payloadFor(10, 2000), "made once");
        String spectatorKey1 = s1.payloadFor(-1, 2000);
        assertEquals(fs.get(1).withDelay(2000), decodeText(null, spectatorKey1));
        assertSame(spectatorKey1, s1.payloadFor(-1, 2000), "made once");

        // another delay (the room's setting changed): new forms, with the new delay
        assertEquals(fs.get(1).withDelay(500), decodeText(held, s1.payloadFor(10, 500)));
        assertEquals(fs.get(1).withDelay(500), decodeText(null, s1.payloadFor(-1, 500)));
        assertNotEquals(spectatorKey1, s1.payloadFor(-1, 500));
    }

    @Test
    void aKeyframeForAllGivesSpectatorsTheKeyframeWhateverTheyHold() {
        Frame f = frames(10, 1).get(0);
        CompactSnapshot s = chain.append(f);
        assertEquals(f.withDelay(100), decodeText(null, s.payloadFor(-1, 100)));
        assertEquals(f.withDelay(100), decodeText(null, s.payloadFor(9, 100)));
        assertEquals(f, decodeText(null, s.payloadFor(-1)));
    }

    @Test
    void encodingTimeIsCounted() {
        List<Frame> fs = frames(10, 2);
        chain.append(fs.get(0));
        CompactSnapshot s1 = chain.append(fs.get(1));
        long afterDelta = s1.encodeNanos();
        assertTrue(afterDelta > 0, "the delta was encoded at once");
        s1.keyframe();
        assertTrue(s1.encodeNanos() > afterDelta, "the keyframe's time is added");
        long afterKey = s1.encodeNanos();
        s1.keyframe();
        assertEquals(afterKey, s1.encodeNanos(), "not encoded twice");
    }

    @Test
    void receiversGetTheDeltaOnlyWhenTheyGotTheSnapshotBefore() {
        SnapshotChain.Receivers<String> players = new SnapshotChain.Receivers<>();
        List<Frame> fs = frames(10, 4);
        CompactSnapshot s0 = chain.append(fs.get(0));
        players.sent("ann", s0, true);
        players.sent("bob", s0, false); // skipped: too slow
        players.endSnapshot();

        CompactSnapshot s1 = chain.append(fs.get(1));
        assertEquals(s1.payloadFor(10), players.payloadFor("ann", s1));
        assertEquals(s1.keyframe(), players.payloadFor("bob", s1), "skipped last time: a keyframe");
        assertEquals(s1.keyframe(), players.payloadFor("cat", s1), "just joined: a keyframe");
        players.sent("bob", s1, true);
        players.sent("cat", s1, true);
        players.endSnapshot(); // ann was not sent s1 (left, or not due)

        CompactSnapshot s2 = chain.append(fs.get(2));
        assertEquals(s2.keyframe(), players.payloadFor("ann", s2), "not remembered after a snapshot without her");
        assertEquals(s2.payloadFor(11), players.payloadFor("bob", s2));
        assertEquals(s2.payloadFor(11), players.payloadFor("cat", s2));
        assertFalse(s2.isKeyframeForAll());
    }

    @Test
    void receiversAreToldApartByIdentity() {
        SnapshotChain.Receivers<String> players = new SnapshotChain.Receivers<>();
        List<Frame> fs = frames(10, 2);
        CompactSnapshot s0 = chain.append(fs.get(0));
        String ann = new String("ann");
        players.sent(ann, s0, true);
        players.endSnapshot();
        CompactSnapshot s1 = chain.append(fs.get(1));
        assertEquals(s1.keyframe(), players.payloadFor(new String("ann"), s1), "an equal key is another receiver");
        assertEquals(s1.payloadFor(10), players.payloadFor(ann, s1));
    }

    @Test
    void spectatorReceiversGetCopiesWithTheirDelay() {
        SnapshotChain.Receivers<String> spectators = new SnapshotChain.Receivers<>(3000);
        List<Frame> fs = frames(10, 2);
        CompactSnapshot s0 = chain.append(fs.get(0));
        Frame held = decodeText(null, spectators.payloadFor("sam", s0));
        assertEquals(fs.get(0).withDelay(3000), held);
        spectators.sent("sam", s0, true);
        spectators.endSnapshot();
        CompactSnapshot s1 = chain.append(fs.get(1));
        String d = spectators.payloadFor("sam", s1);
        assertEquals(s1.payloadFor(10, 3000), d);
        assertEquals(fs.get(1).withDelay(3000), decodeText(held, d));
    }

    @Test
    void snapshotTextIsUnpaddedBase64InAJsonString() {
        byte[] bytes = {1, 2, 3, 4};
        assertEquals("AQIDBA", SnapshotText.text(bytes));
        assertEquals("\"AQIDBA\"", SnapshotText.json(bytes));
        assertArrayEquals(bytes, SnapshotText.bytes("AQIDBA"));
        assertThrows(IllegalArgumentException.class, () -> SnapshotText.bytes("*!"));
    }
}
