package io.skirmish.room;

import io.skirmish.protocol.Request;

/**
 * A room's changeable settings. Immutable: a change swaps the whole record, so network threads can
 * read a consistent copy without locks. The password is kept only as a salted hash.
 */
public record RoomSettings(int maxPlayers, int roundSeconds, String map, boolean spectators, Passwords.Hash password) {

    public boolean hasPassword() {
        return password != null;
    }

    /** This with a patch applied; validation of ranges happened in the decoder, the map is checked by the caller. */
    public RoomSettings with(Request.SettingsPatch p) {
        return with(p, p.password() == null || p.password().isEmpty() ? null : Passwords.hash(p.password()));
    }

    /** This with a patch applied, its password already hashed ({@code hashed}; hashing is slow, not for game threads). */
    public RoomSettings with(Request.SettingsPatch p, Passwords.Hash hashed) {
        Passwords.Hash pw = password;
        if (p.password() != null) {
            pw = p.password().isEmpty() ? null : hashed;
        }
        return new RoomSettings(
                p.maxPlayers() != null ? p.maxPlayers() : maxPlayers,
                p.roundSeconds() != null ? p.roundSeconds() : roundSeconds,
                p.map() != null ? p.map() : map,
                p.spectators() != null ? p.spectators() : spectators,
                pw);
    }
}
