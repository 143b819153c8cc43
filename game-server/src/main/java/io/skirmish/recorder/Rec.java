package io.skirmish.recorder;

import io.skirmish.game.Phase;
import io.skirmish.game.PlayerInput;
import java.util.List;
import java.util.Map;

/**
 * One entry of a flight recording. Every entry carries the room's tick and phase at the moment it
 * was recorded ({@code phase} is null before the room entered its first phase).
 */
public sealed interface Rec {
    long tick();

    /** A new game was made for the room (room creation, or a map change in the lobby). */
    record Create(long tick, Phase phase, String map, long seed) implements Rec {}

    /** A saved game state to start a replay from when the ring no longer holds the room's creation. */
    record Checkpoint(long tick, Phase phase, String map, long seed, byte[] state) implements Rec {}

    record Join(long tick, Phase phase, int player, String name) implements Rec {}

    record Leave(long tick, Phase phase, int player) implements Rec {}

    record RoundStart(long tick, Phase phase, int round, long endsAtMillis) implements Rec {}

    record RoundEnd(long tick, Phase phase, int round) implements Rec {}

    /** One {@code Game.step} with the inputs the room applied, per player id, in order. */
    record Step(long tick, Phase phase, Map<Integer, List<PlayerInput>> inputs) implements Rec {}

    /** The state hash after the step of {@code tick}. */
    record Hash(long tick, long hash) implements Rec {}

    /** What happened around the game that explains it: a host or operator command, a phase change. */
    record Note(long tick, String text) implements Rec {}

    /** The room's tick threw here. {@code inGame} is true when the game itself threw. */
    record Failure(long tick, boolean inGame, String type, String message, String stack) implements Rec {}
}
