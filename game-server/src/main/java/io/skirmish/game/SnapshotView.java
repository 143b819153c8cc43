package io.skirmish.game;

/**
 * Room-owned facts about a player that a game writes into its snapshot. Called on the game thread
 * while the game writes a snapshot.
 */
public interface SnapshotView {
    /** The {@code seq} of the last input of this player the room passed to {@link Game#step}; 0 before any. */
    int lastAppliedSeq(int playerId);

    /** False while the player's connection is lost and the seat is kept for a rejoin. */
    boolean connected(int playerId);
}
