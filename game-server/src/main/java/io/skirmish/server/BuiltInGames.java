package io.skirmish.server;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.GameCatalog;
import io.skirmish.tag.TagGame;

/** The games this server ships with. A new game is one more entry here. */
public final class BuiltInGames {
    private BuiltInGames() {}

    /** Every built-in game; quick play offers all of them, the arena first. */
    public static GameCatalog catalog() {
        return GameCatalog.of(ArenaGame.TYPE, TagGame.TYPE);
    }
}
