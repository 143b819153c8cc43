package io.skirmish.snapshot;

/**
 * One snapshot of a room in its compact forms, each encoded at most once whoever receives it: the
 * delta against the room's previous snapshot (encoded at once, unless this is a keyframe) and the
 * keyframe form (encoded when the first client needs it: a keyframe tick, or a client that does not
 * hold the previous snapshot). Spectators get the same forms with their delay in the header
 * ({@link FrameEncoder#withDelay}), each made at most once too.
 */
public final class CompactSnapshot {
    private final Frame frame;
    /** The tick of the snapshot the delta applies to; -1 when there is no delta (a keyframe for everyone). */
    private final long baseTick;
    private final byte[] deltaBytes;
    private final String delta;
    private byte[] keyframeBytes;
    private String keyframe;
    /** The spectators' forms, made for {@link #spectatorDelayMs} (the room's delay; {@link Frame#LIVE} before). */
    private long spectatorDelayMs = Frame.LIVE;
    private String spectatorDelta;
    private String spectatorKeyframe;
    private long encodeNanos;
    private Long boxedTick;

    CompactSnapshot(Frame frame, Frame base, boolean keyframeForAll) {
        this.frame = frame;
        if (base == null || keyframeForAll) {
            this.baseTick = -1;
            this.deltaBytes = null;
            this.delta = null;
        } else {
            long t0 = System.nanoTime();
            this.deltaBytes = FrameEncoder.delta(base, frame);
            this.delta = SnapshotText.json(deltaBytes);
            this.baseTick = base.tick();
            encodeNanos += System.nanoTime() - t0;
        }
    }

    public Frame frame() {
        return frame;
    }

    public long tick() {
        return frame.tick();
    }

    /** {@link #tick()} boxed once, for the receivers' maps (one object per snapshot, not per receiver). */
    Long boxedTick() {
        Long b = boxedTick;
        if (b == null) {
            b = frame.tick();
            boxedTick = b;
        }
        return b;
    }

    public boolean isKeyframeForAll() {
        return delta == null;
    }

    /**
     * The payload (JSON text of the {@code s} event's argument) for a client whose last received snapshot
     * had tick {@code lastTick} (-1 for none): the delta when it holds the base, else the keyframe.
     */
    public String payloadFor(long lastTick) {
        return delta != null && lastTick == baseTick ? delta : keyframe();
    }

    /**
     * The payload for a receiver whose copy is {@code delayMs} behind live play ({@link Frame#LIVE}: a
     * player): as {@link #payloadFor(long)}, with the delay in the header of a spectator's copy.
     */
    public String payloadFor(long lastTick, long delayMs) {
        if (delayMs == Frame.LIVE) {
            return payloadFor(lastTick);
        }
        if (delayMs != spectatorDelayMs) {
            spectatorDelayMs = delayMs;
            spectatorDelta = null;
            spectatorKeyframe = null;
        }
        if (deltaBytes != null && lastTick == baseTick) {
            if (spectatorDelta == null) {
                spectatorDelta = SnapshotText.json(FrameEncoder.withDelay(deltaBytes, delayMs));
            }
            return spectatorDelta;
        }
        if (spectatorKeyframe == null) {
            keyframe();
            spectatorKeyframe = SnapshotText.json(FrameEncoder.withDelay(keyframeBytes, delayMs));
        }
        return spectatorKeyframe;
    }

    /** The keyframe form, encoded on first use. */
    public String keyframe() {
        if (keyframe == null) {
            long t0 = System.nanoTime();
            keyframeBytes = FrameEncoder.keyframe(frame);
            keyframe = SnapshotText.json(keyframeBytes);
            encodeNanos += System.nanoTime() - t0;
        }
        return keyframe;
    }

    /** Time spent encoding this snapshot's forms so far. */
    public long encodeNanos() {
        return encodeNanos;
    }

    /** Bytes of the form most clients get (the delta, or the keyframe when it is one for all). */
    public int bytes() {
        return delta != null ? delta.length() : keyframe == null ? 0 : keyframe.length();
    }
}
