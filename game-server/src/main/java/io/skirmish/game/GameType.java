package io.skirmish.game;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One game of the {@link GameCatalog}: its id on the wire, its display name, its maps, its own
 * defaults, and the factory of its rooms' games.
 *
 * @param id short lowercase id, for example {@code "arena"}: {@code settings.game} on the wire
 * @param name display name
 * @param maps the maps a room may choose, the first being the default
 * @param roundSeconds the default round length of a private room of this game; 0 = the server's
 * @param factory makes the game of each room
 */
public record GameType(String id, String name, List<String> maps, int roundSeconds, GameFactory factory) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,23}");

    public GameType {
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("game id must match " + ID);
        maps = List.copyOf(maps);
        if (maps.isEmpty()) throw new IllegalArgumentException("a game needs a map");
        if (roundSeconds < 0) throw new IllegalArgumentException("roundSeconds must not be negative");
    }

    /** A game with the server's round length. */
    public GameType(String id, String name, List<String> maps, GameFactory factory) {
        this(id, name, maps, 0, factory);
    }

    public String defaultMap() {
        return maps.get(0);
    }

    public boolean hasMap(String map) {
        return maps.contains(map);
    }
}
