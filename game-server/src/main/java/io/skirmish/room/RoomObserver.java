package io.skirmish.room;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Watches what changes a room's game, in order, for example to record it (flight recorder) or to
 * count it. Set with {@link RoomManager#observe}. Every method is called on the room's game thread,
 * inside its tick, and must be quick and must not throw; defaults do nothing.
 *
 * <p>Together the calls are enough to replay a room: the game and seed, then per tick the joins,
 * leaves and commands, then the inputs applied, then the state's hash.
 */
public interface RoomObserver {
    /** The game's state, readable during {@link #ticked} (game thread only). */
    interface GameState {
        long hash();

        JsonObject save();
    }

    /** A game began in the room: when the room is created, and when the host switches game or map. */
    default void gameStarted(Room room, long tick, String game, String map, long seed) {}

    /** A player took a seat. */
    default void joined(Room room, long tick, int playerId, String name) {}

    /** A player's seat was freed. */
    default void left(Room room, long tick, int playerId) {}

    /** A command ran successfully ({@code ready}, {@code settings}, {@code start}, ...); 0 = no player. */
    default void command(Room room, long tick, String command, int playerId) {}

    /** The inputs about to be applied this tick, per player, in order (the game's decoded inputs). */
    default void inputs(Room room, long tick, Map<Integer, List<Object>> applied) {}

    /** A tick ended. */
    default void ticked(Room room, long tick, GameState state) {}

    /**
     * The room's tick threw, in its game or in the room's own machinery around it: called once,
     * with the exception, before {@link #closed} with reason {@code error}.
     */
    default void failed(Room room, long tick, Throwable error) {}

    /** The room closed ({@code empty}, {@code error}, or a game's reason). */
    default void closed(Room room, long tick, String reason) {}

    RoomObserver NONE = new RoomObserver() {};
}
