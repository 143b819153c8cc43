package io.skirmish.game;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A game that a room runs: the whole server-side SPI of a game mode. The room owns connections,
 * seats, phases and timing; the game owns the rules and the state.
 *
 * <p><b>Threading:</b> every method is called by the room's single game thread, never concurrently,
 * and must not block. A method that throws takes its room down (the room is closed and its players
 * told); other rooms are unaffected.
 *
 * <p><b>Determinism:</b> the state after {@link #step} must depend only on the previous state, the
 * inputs, the tick and the fixed step ({@code 1 / tickRate}); use the room seed for randomness and
 * never read a clock.
 */
public interface Game {

    /** Called once, before the first tick. */
    void onCreate(GameContext ctx, long seed);

    /**
     * Called before a player takes a seat; the room has already checked capacity, lock and password.
     * Return {@link JoinDecision#ACCEPT} or a refusal.
     */
    default JoinDecision onJoinAttempt(int playerId, String name) {
        return JoinDecision.ACCEPT;
    }

    /** A player took a seat. Its ship (or whatever it controls) should exist from the next snapshot. */
    void onJoin(int playerId, String name);

    /** A player's seat was freed (left, kicked, or its reconnect grace ran out). */
    void onLeave(int playerId);

    /** A round begins: reset scores and place everyone. {@code endsAtMillis} is for the clients only. */
    void onRoundStart(int round, long endsAtMillis);

    /** The round's time is up: emit the result (for example a scoreboard event). */
    void onRoundEnd(int round);

    /**
     * Advances the simulation by one fixed step.
     *
     * @param inputs the inputs to apply this tick, per player id, in order; a player may have none
     *     (then its ship keeps still) or several (catching up after jitter)
     */
    void step(long tick, Map<Integer, List<PlayerInput>> inputs);

    /**
     * Writes the game's part of the snapshot: the fields after the room's {@code tick, time, phase}
     * envelope, as name/value pairs inside an already open JSON object.
     */
    void writeSnapshot(JsonWriter out, SnapshotView view) throws IOException;

    /**
     * Static facts the clients need, sent once in every join answer as {@code game} (map, physics,
     * ...). The room adds {@code tickRate} and {@code snapshotRate}.
     */
    JsonObject describe();

    /** The room is going away; release what the game holds. */
    default void onDispose() {}
}
