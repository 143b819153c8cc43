package io.skirmish.snapshot;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A room's chain of compact snapshots: each a delta on the room's previous snapshot, and every
 * {@link #KEYFRAME_SECONDS} seconds a keyframe for everyone. {@link Receivers} decides which form each
 * receiver gets. Game thread only.
 */
public final class SnapshotChain {
    /** Seconds between keyframes for everyone. */
    public static final int KEYFRAME_SECONDS = 3;

    private Frame last;
    private long lastKeyTick = Long.MIN_VALUE;

    /** The room's next snapshot (its delta is encoded here; call once per snapshot, in order). */
    public CompactSnapshot append(Frame f) {
        boolean key = last == null || f.tickRate() != last.tickRate() || f.tick() <= last.tick()
                || f.tick() - lastKeyTick >= (long) KEYFRAME_SECONDS * f.tickRate();
        if (key) {
            lastKeyTick = f.tick();
        }
        CompactSnapshot s = new CompactSnapshot(f, last, key);
        last = f;
        return s;
    }

    /**
     * Receivers of one audience that gets the chain's snapshots in order: the players (now) or the
     * spectators (from their delayed point). A receiver that did not get the snapshot before (just
     * joined, rejoined, or its last one was skipped because it is slow) gets the keyframe form, which
     * the snapshot encodes at most once for all of them.
     *
     * @param <K> how receivers are told apart (by identity)
     */
    public static final class Receivers<K> {
        private static final Long NONE = -1L;
        private final long delayMs;
        private Map<K, Long> received = new IdentityHashMap<>();
        private Map<K, Long> next = new IdentityHashMap<>();

        /** Players: live copies. */
        public Receivers() {
            this(Frame.LIVE);
        }

        /** Spectators: copies whose header says they are {@code delayMs} behind live play. */
        public Receivers(long delayMs) {
            this.delayMs = delayMs;
        }

        /** The payload for {@code receiver}: the delta if it holds the snapshot before {@code s}, else the keyframe. */
        public String payloadFor(K receiver, CompactSnapshot s) {
            Long had = received.get(receiver);
            return s.payloadFor(had == null ? -1 : had, delayMs);
        }

        /** Records whether {@code receiver} was sent {@code s} (false: skipped; it gets a keyframe next). */
        public void sent(K receiver, CompactSnapshot s, boolean delivered) {
            next.put(receiver, delivered ? s.boxedTick() : NONE);
        }

        /** Ends a snapshot: only receivers sent to this time are remembered (others left, or get a keyframe). */
        public void endSnapshot() {
            Map<K, Long> t = received;
            received = next;
            next = t;
            next.clear();
        }
    }
}
