package io.skirmish.bots.harness;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.stats.Role;
import io.skirmish.protocol.Events;
import org.json.JSONObject;

/**
 * Which request gets a bot into its room, and with what: back into its kept seat, as a spectator,
 * by quick play, as the host of a new room, or by the room's code.
 */
final class JoinRequest {
    private JoinRequest() {}

    /**
     * @param seatToken the kept seat's token; null when there is none
     * @param created whether the room this bot was to create exists already
     */
    static String event(String seatToken, Role role, RoomTarget room, boolean created) {
        if (seatToken != null) {
            return Events.ROOM_REJOIN;
        }
        if (role == Role.SPECTATOR) {
            return Events.ROOM_SPECTATE;
        }
        if (room instanceof RoomTarget.Quick) {
            return Events.ROOM_QUICKPLAY;
        }
        return room instanceof RoomTarget.Create && !created ? Events.ROOM_CREATE : Events.ROOM_JOIN;
    }

    /**
     * The payload of {@code event}.
     *
     * @param code the room's code (for a join or spectate); null otherwise
     * @param reservation cluster: the reservation of the {@code MOVED} answer or drain that sent the bot
     *     to this node, added to the repeated request; null otherwise
     */
    static JSONObject payload(String event, String name, String seatToken, String code, LoadConfig config,
                              String reservation) {
        String password = config.password();
        return switch (event) {
            case Events.ROOM_REJOIN -> Json.object("seatToken", seatToken, "reservation", reservation);
            case Events.ROOM_QUICKPLAY -> Json.object("name", name, "game", config.game(), "reservation", reservation);
            case Events.ROOM_SPECTATE -> Json.object("code", code, "name", name, "password", password,
                    "reservation", reservation);
            case Events.ROOM_CREATE -> Json.object("name", name, "settings", Json.object(
                    "maxPlayers", Math.max(2, Math.min(LoadConfig.MAX_ROOM_PLAYERS, config.bots())),
                    "password", password, "game", config.game()), "reservation", reservation);
            default -> Json.object("code", code, "name", name, "password", password, "reservation", reservation);
        };
    }
}
