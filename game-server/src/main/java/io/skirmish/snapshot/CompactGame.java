package io.skirmish.snapshot;

/**
 * A game whose snapshots have a compact form (protocol version 2). Rooms send compact clients the
 * compact form of such a game; of any other game, the full JSON snapshot.
 */
public interface CompactGame {
    /** The game's part of the snapshot now, in the wire's integer units (game thread). */
    Frame.Body frameBody(PlayerFacts facts);

    /** False for a wrapper (for example a recorder) around a game without a compact form. */
    default boolean hasCompactForm() {
        return true;
    }
}
