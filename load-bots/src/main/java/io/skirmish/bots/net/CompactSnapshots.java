package io.skirmish.bots.net;

import io.skirmish.arena.Quantum;
import io.skirmish.bots.behaviour.Ship;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.FrameDecoder;
import io.skirmish.snapshot.SnapshotText;
import java.util.ArrayList;
import java.util.List;

/**
 * One bot's compact snapshot stream (the {@code s} event, docs/protocol.md): keeps the state last
 * rebuilt and turns each keyframe or delta into the {@link Messages.Snapshot} the bots read. Decoding
 * is the server's own decoder ({@link FrameDecoder}, shaded in), so the bots read exactly the schema the
 * server writes; {@code CompactSnapshotsTest} replays the golden vectors through this class.
 * Not thread-safe: one bot's lane.
 */
public final class CompactSnapshots {
    private Frame held;
    private long refused;

    /**
     * @param json the event's argument: a JSON string of base64 text
     * @return the snapshot, or null for a delta that does not apply to the state held (after a skipped
     *     snapshot or a reconnect; the next keyframe recovers), counted in {@link #refused()}
     */
    public Messages.Snapshot read(String json) {
        if (json.length() < 2 || json.charAt(0) != '"' || json.charAt(json.length() - 1) != '"') {
            throw new IllegalArgumentException("a compact snapshot is a JSON string");
        }
        byte[] bytes = SnapshotText.bytes(json.substring(1, json.length() - 1));
        try {
            held = FrameDecoder.decode(held, bytes);
        } catch (IllegalArgumentException e) {
            refused++;
            if (FrameDecoder.isKeyframe(bytes)) {
                held = null;
            }
            return null;
        }
        return toSnapshot(held);
    }

    /** Deltas that did not apply (each waits for the next keyframe). */
    public long refused() {
        return refused;
    }

    /** The state last rebuilt, in the wire's units (null before the first keyframe). */
    public Frame held() {
        return held;
    }

    static Messages.Snapshot toSnapshot(Frame f) {
        List<Ship> ships = new ArrayList<>(f.ships().size());
        for (Frame.ShipRec s : f.ships()) {
            ships.add(new Ship(s.id(), Quantum.fromUnits(s.x()), Quantum.fromUnits(s.y()), Quantum.angle(s.aim()), s.seq(),
                    s.st()));
        }
        return new Messages.Snapshot(f.tick(), f.time(), ships);
    }
}
