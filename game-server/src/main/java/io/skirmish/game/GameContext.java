package io.skirmish.game;

import com.google.gson.JsonObject;

/**
 * What a {@link Game} may see and do from inside the room. Implemented by the room; every method is
 * called on the room's game thread (the only thread that calls into a {@link Game}).
 */
public interface GameContext {
    /** The current tick number (0 for the first tick of the room). */
    long currentTick();

    /** Simulation ticks per second; the fixed step is {@code 1.0 / tickRate()} seconds. */
    int tickRate();

    /** The room's phase: games typically allow damage and scoring only while {@link Phase#PLAYING}. */
    Phase phase();

    /** Sends a {@code game:event} to everyone in the room after this tick. */
    void emit(JsonObject event);

    /** Removes a player from the room (for example for cheating); the player is told the reason. */
    void kick(int playerId, String reason);
}
