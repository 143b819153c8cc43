package io.skirmish.bots.behaviour;

import java.util.List;

/**
 * What a bot knows when it decides: the latest snapshot and the arena's size.
 *
 * @param self the bot's own ship, or null before the first snapshot that shows it
 * @param ships every ship in the latest snapshot, the bot's own included
 * @param it tag's player who is "it" (the snapshot's {@code it}); 0 when none, or in another game
 */
public record WorldView(Ship self, List<Ship> ships, double width, double height, int it) {
    public WorldView {
        ships = List.copyOf(ships);
    }

    /** A world where nobody is "it" (every game but tag). */
    public WorldView(Ship self, List<Ship> ships, double width, double height) {
        this(self, ships, width, height, 0);
    }

    /** No snapshot yet. */
    public static WorldView empty(double width, double height) {
        return new WorldView(null, List.of(), width, height);
    }
}
