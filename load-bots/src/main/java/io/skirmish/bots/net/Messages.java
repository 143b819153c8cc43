package io.skirmish.bots.net;

import io.skirmish.bots.behaviour.Ship;
import java.util.List;

/** The records the bots read from server messages; only the fields they use (Gson ignores the rest). */
public final class Messages {
    private Messages() {}

    /** {@code {ok, room, you, game}}: the answer to every join request. */
    public record JoinAnswer(Room room, You you, Game game) {}

    public record Room(String id, String code, String phase, int capacity) {}

    /** {@code id} and {@code seatToken} are null for spectators. */
    public record You(Integer id, String seatToken, boolean spectator) {}

    public record Game(int tickRate, int snapshotRate, ArenaMap map) {}

    public record ArenaMap(String id, double width, double height) {}

    /** {@code time:sync}'s ack. */
    public record TimeSync(long t, long serverTime) {}

    /** Read by {@link SnapshotReader}. */
    public record Snapshot(long tick, long time, List<Ship> players) {}

    /** {@code room:kicked}, {@code room:closed}. */
    public record Reason(String reason) {}
}
