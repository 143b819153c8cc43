package io.skirmish.game;

import com.google.gson.JsonObject;

/**
 * What a {@link Game} may see and do from inside its room. Implemented by the room; every method
 * must be called on the room's game thread (the only thread that calls into a {@link Game}).
 */
public interface GameContext {
    /** The current tick number (0 for the first tick of the room). */
    long currentTick();

    /** Simulation ticks per second; the fixed step is {@code 1.0 / tickRate()} seconds. */
    int tickRate();

    /** The room's phase: games typically allow damage and scoring only while {@link Phase#PLAYING}. */
    Phase phase();

    /** Sends a typed {@code game:event} to everyone in the room after this tick; the room adds {@code type, tick}. */
    void emit(GameEvent event);

    /**
     * Sends an untyped {@code game:event}: {@code {type, tick, ...fields}}. Prefer {@link #emit(GameEvent)}.
     */
    void emit(String type, JsonObject fields);

    /** Removes a player from the room (for example for cheating); the player is told the reason. */
    void kick(int playerId, String reason);

    /**
     * Ends the running round now (for example "everyone caught"), or, when called from
     * {@link Game#onRoundEnd}, gives the results of a round whose time ran out. The room sends
     * {@code game:event {type:"round:end", tick, round, ...results}} once, after this tick, and moves to
     * the round-over phase. Outside {@link Phase#PLAYING} it is ignored. {@link Game#onRoundEnd} is
     * not called for a round the game ended itself.
     *
     * @param results fields of the {@code round:end} event, for example {@code winner} and a scoreboard
     */
    void endRound(JsonObject results);

    /**
     * Closes the room after this tick: every member gets {@code room:closed {reason}} and the room is
     * disposed. {@code reason} is a short machine-readable word, for example {@code "finished"}.
     */
    void closeRoom(String reason);
}
