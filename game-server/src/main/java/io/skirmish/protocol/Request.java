package io.skirmish.protocol;

/**
 * A validated client request. Decoding ({@link RequestDecoder}) checks every field, so code past it
 * can trust types and ranges.
 */
public sealed interface Request {

    record TimeSync(double t) implements Request {}

    /** {@code game} is null for quick play's default game. */
    record QuickPlay(String name, String game) implements Request {
        public QuickPlay(String name) {
            this(name, null);
        }
    }

    record Create(String name, SettingsPatch settings) implements Request {}

    record Join(String code, String name, String password) implements Request {}

    record Rejoin(String seatToken) implements Request {}

    record Spectate(String code, String name, String password) implements Request {}

    record Leave() implements Request {}

    record Ready(boolean ready) implements Request {}

    record Settings(SettingsPatch patch) implements Request {}

    record Start() implements Request {}

    record Kick(int playerId) implements Request {}

    record Lock(boolean locked) implements Request {}

    record TransferHost(int playerId) implements Request {}

    /**
     * One input of the sender: {@code seq} is checked (a non-negative integer); the other fields are
     * the game's, decoded and validated by the room's game ({@code io.skirmish.game.InputDecoder}).
     */
    record Input(int seq, Fields fields) implements Request {}

    /**
     * Room settings a host may change; a null field is left as it is. {@code password} is "" to
     * remove the password.
     */
    record SettingsPatch(Integer maxPlayers, Integer roundSeconds, String map, Boolean spectators,
                         String password, String game) {
        public static final SettingsPatch NONE = new SettingsPatch(null, null, null, null, null, null);

        /** A patch that leaves the game as it is. */
        public SettingsPatch(Integer maxPlayers, Integer roundSeconds, String map, Boolean spectators, String password) {
            this(maxPlayers, roundSeconds, map, spectators, password, null);
        }
    }
}
