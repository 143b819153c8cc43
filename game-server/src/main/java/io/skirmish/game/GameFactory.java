package io.skirmish.game;

/**
 * Makes a {@link Game} for a new room. Called on a network thread when a room is created; must be
 * thread-safe and cheap.
 */
@FunctionalInterface
public interface GameFactory {
    /** @param mapId the map chosen in the room's settings (one that {@link #supportsMap} accepted) */
    Game<?> create(String mapId);

    /** True if {@code mapId} names a map this game can play (checked when a host picks a map). */
    default boolean supportsMap(String mapId) {
        return true;
    }

    /** The map of a room whose settings name none. */
    default String defaultMap() {
        return "default";
    }
}
