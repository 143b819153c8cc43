package io.skirmish.snapshot;

/** What the room knows about a player that a compact snapshot carries (the JSON form's room-written fields). */
public interface PlayerFacts {
    /** The {@code seq} of the last input of this player the game stepped; 0 before any. */
    long lastAppliedSeq(int playerId);

    /** False while the player's connection is lost and the seat is kept for a rejoin. */
    boolean connected(int playerId);
}
