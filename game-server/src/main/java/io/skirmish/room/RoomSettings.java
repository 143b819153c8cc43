package io.skirmish.room;

import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameType;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;

/**
 * A room's changeable settings. Immutable: a change swaps the whole record, so network threads can
 * read a consistent copy without locks. The password is kept only as a salted hash.
 */
public record RoomSettings(int maxPlayers, int roundSeconds, String game, String map, boolean spectators,
                           Passwords.Hash password) {

    public boolean hasPassword() {
        return password != null;
    }

    /**
     * This with a patch applied; validation of ranges happened in the decoder, the game and map are
     * checked by the caller. A new game without a map gets {@code defaultMap}.
     */
    public RoomSettings with(Request.SettingsPatch p, String defaultMap) {
        return with(p, defaultMap, hashOf(p));
    }

    /** As {@link #with(Request.SettingsPatch, String)}, the new password already hashed (hashing is slow: not on a game thread). */
    public RoomSettings with(Request.SettingsPatch p, String defaultMap, Passwords.Hash hashed) {
        Passwords.Hash pw = password;
        if (p.password() != null) {
            pw = p.password().isEmpty() ? null : hashed;
        }
        return new RoomSettings(
                p.maxPlayers() != null ? p.maxPlayers() : maxPlayers,
                p.roundSeconds() != null ? p.roundSeconds() : roundSeconds,
                p.game() != null ? p.game() : game,
                p.map() != null ? p.map() : p.game() != null && !p.game().equals(game) ? defaultMap : map,
                p.spectators() != null ? p.spectators() : spectators,
                pw);
    }

    /**
     * This with a patch applied and its game and map checked against the catalog.
     *
     * @throws ProtocolException {@code BAD_REQUEST} for an unknown game or a map the game does not have
     */
    public RoomSettings apply(Request.SettingsPatch p, GameCatalog games) {
        return apply(p, games, hashOf(p));
    }

    /** As {@link #apply(Request.SettingsPatch, GameCatalog)}, the new password already hashed. */
    public RoomSettings apply(Request.SettingsPatch p, GameCatalog games, Passwords.Hash hashed) {
        GameType type = games.get(p.game() != null ? p.game() : game);
        if (type == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown game; known: " + String.join(", ", games.ids()));
        }
        RoomSettings after = with(p, type.defaultMap(), hashed);
        if (!type.hasMap(after.map())) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown map for " + type.id() + "; known: "
                    + String.join(", ", type.maps()));
        }
        return after;
    }

    /** The hash of the patch's new password, or null when it sets none. */
    public static Passwords.Hash hashOf(Request.SettingsPatch p) {
        return p.password() == null || p.password().isEmpty() ? null : Passwords.hash(p.password());
    }
}
