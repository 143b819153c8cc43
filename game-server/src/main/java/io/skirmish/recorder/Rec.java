package io.skirmish.recorder;

import io.skirmish.game.Phase;
import java.util.List;
import java.util.Map;

/**
 * One entry of a flight recording. Entries that stand for a call into the game carry the room's tick
 * and phase at the moment of the call ({@code phase} is null before the room entered its first phase).
 */
public sealed interface Rec {
    long tick();

    /** A new game was made for the room (room creation, or a map or game change in the lobby). */
    record Create(long tick, Phase phase, String game, String map, long seed) implements Rec {}

    /** A saved game state ({@code Game.save()}) to start from when the ring no longer holds the creation. */
    record Checkpoint(long tick, Phase phase, String game, String map, long seed, String state) implements Rec {}

    /** The class of the game's inputs in the steps that follow (a game's own input type). */
    record InputType(long tick, String className) implements Rec {}

    record Join(long tick, Phase phase, int player, String name) implements Rec {}

    record Leave(long tick, Phase phase, int player) implements Rec {}

    record RoundStart(long tick, Phase phase, int round, long endsAtMillis) implements Rec {}

    record RoundEnd(long tick, Phase phase, int round) implements Rec {}

    /** One {@code Game.step} with the inputs the room applied, per player id, in order. */
    record Step(long tick, Phase phase, Map<Integer, List<Object>> inputs) implements Rec {}

    /** {@code Game.stateHash()} after the step of {@code tick}. */
    record Hash(long tick, long hash) implements Rec {}

    /** What happened around the game that explains it: a host or operator command. */
    record Note(long tick, String text) implements Rec {}

    /** The room's tick threw here. {@code inGame} is true when the game itself threw. */
    record Failure(long tick, boolean inGame, String type, String message, String stack) implements Rec {}
}
