package io.skirmish.bots.net;

import io.skirmish.bots.behaviour.Ship;
import com.google.gson.JsonElement;
import java.util.List;

/** The records the bots read from server messages; only the fields they use (Gson ignores the rest). */
public final class Messages {
    private Messages() {}

    /** {@code {ok, room, you, game}}: the answer to every join request. */
    public record JoinAnswer(Room room, You you, Game game) {}

    /** {@code game}: the game the room plays, its id or an object with one (absent from a one-game server). */
    public record Room(String id, String code, String phase, int capacity, JsonElement game) {
        /** The game's id, or null. */
        public String gameId() {
            if (game == null || game.isJsonNull()) {
                return null;
            }
            if (game.isJsonPrimitive()) {
                return game.getAsString();
            }
            JsonElement id = game.isJsonObject() ? game.getAsJsonObject().get("id") : null;
            return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
        }
    }

    /** {@code id} and {@code seatToken} are null for spectators. */
    public record You(Integer id, String seatToken, boolean spectator) {}

    /** {@code id}: the game's id, where the server names it there. */
    public record Game(String id, int tickRate, int snapshotRate, ArenaMap map) {}

    public record ArenaMap(String id, double width, double height) {}

    /** {@code time:sync}'s ack. */
    public record TimeSync(long t, long serverTime) {}

    /** Read by {@link SnapshotReader}. */
    public record Snapshot(long tick, long time, List<Ship> players, int it) {
        /** A snapshot where nobody is "it" (every game but tag). */
        public Snapshot(long tick, long time, List<Ship> players) {
            this(tick, time, players, 0);
        }
    }

    /** {@code room:kicked}, {@code room:closed}. */
    public record Reason(String reason) {}

    /** {@code server:shutdown}; {@code moveTo} only in a cluster whose drain moved the room. */
    public record Shutdown(String reason, Long drainMs, MoveTo moveTo) {}

    /** Where a cluster sends a client: a node's public URL and a single-use reservation (null: none). */
    public record MoveTo(String url, String reservation) {}
}
