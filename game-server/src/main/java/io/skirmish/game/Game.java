package io.skirmish.game;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A game that a room runs: the whole server-side SPI of a game mode. The room owns connections,
 * seats, phases, timing and the wire; the game owns the rules, the state and its input schema.
 *
 * <p><b>Threading:</b> every method is called by the room's single game thread, never concurrently,
 * and must not block; only the {@link #inputDecoder()} it hands out runs on network threads. A method
 * that throws takes its room down (the room is closed and its players told); other rooms are unaffected.
 *
 * <p><b>Determinism:</b> the state after {@link #step} must depend only on the previous state, the
 * inputs, the tick and the fixed step ({@code 1 / tickRate}); use the room seed for randomness and
 * never read a clock. Then {@link #stateHash()} after the same seed and inputs is the same, and
 * {@link #save()}/{@link #restore} let a recording or another server continue exactly.
 *
 * @param <I> the game's input type, produced by its {@link #inputDecoder()}
 */
public interface Game<I> {

    /** Called once, before the first tick. */
    void onCreate(GameContext ctx, long seed);

    /** The game's input schema; called once after {@link #onCreate}. The decoder must be stateless. */
    InputDecoder<I> inputDecoder();

    /**
     * Called before a player takes a seat; the room has already checked capacity, lock and password.
     * Return {@link JoinDecision#ACCEPT} or a refusal.
     */
    default JoinDecision onJoinAttempt(int playerId, String name) {
        return JoinDecision.ACCEPT;
    }

    /** A player took a seat. What it controls should exist from the next snapshot. */
    void onJoin(int playerId, String name);

    /** A player's seat was freed (left, kicked, or its reconnect grace ran out). */
    void onLeave(int playerId);

    /** A round begins: reset scores and place everyone. {@code endsAtMillis} is for the clients only. */
    void onRoundStart(int round, long endsAtMillis);

    /**
     * The round's time is up: give the results with {@link GameContext#endRound} (without that the
     * room sends a {@code round:end} with no results).
     */
    void onRoundEnd(int round);

    /**
     * Advances the simulation by one fixed step.
     *
     * @param inputs the inputs to apply this tick, per player id, in order; a player may have none
     *     (then it keeps still) or several (catching up after jitter)
     */
    void step(long tick, Map<Integer, List<I>> inputs);

    /** Writes the game's part of the snapshot (see {@link SnapshotWriter}). */
    void writeSnapshot(SnapshotWriter out) throws IOException;

    /**
     * Static facts the clients need, sent in every join answer as {@code game} (map, physics, ...).
     * The room copies it and adds {@code id}, {@code tickRate} and {@code snapshotRate}.
     */
    JsonObject describe();

    /**
     * The game's whole evolving state (players, scores, RNG position, ...) as JSON, such that
     * {@link #restore} on a fresh game of the same map gives a game that steps on identically.
     */
    JsonObject save();

    /** Replaces the state with one from {@link #save()} (called after {@link #onCreate}). */
    void restore(JsonObject state);

    /** A hash of the evolving state: equal states have equal hashes (determinism checks, replays). */
    long stateHash();

    /** The room is going away; release what the game holds. */
    default void onDispose() {}

    /**
     * The game this one decorates (a recorder, a profiler), or this game itself. Rooms look through
     * decorators for optional capabilities of the real game, such as a compact snapshot form.
     */
    default Game<I> unwrap() {
        return this;
    }
}
