package io.skirmish.game;

/**
 * Makes a {@link Game} for a room. Called on a network thread when a room is created, and on the
 * room's game thread when its host switches game or map; must be thread-safe and cheap.
 */
@FunctionalInterface
public interface GameFactory {
    /** @param mapId one of the maps of the game's {@link GameType} */
    Game<?> create(String mapId);
}
