package io.skirmish.room;

import io.skirmish.game.Phase;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.concurrent.CompletableFuture;

/**
 * The lobby and host commands of a room: ready, settings, start, kick, lock, transfer host. Each is
 * queued from a network thread and runs on the room's game thread; the checks (seat, host, phase)
 * happen there, against the room as it is then.
 */
final class HostCommands {
    private final Room room;

    HostCommands(Room room) {
        this.room = room;
    }

    CompletableFuture<RawJson> ready(Membership m, boolean ready) {
        return room.submit("ready", m, () -> {
            Seat s = room.members().requireSeat(m);
            if (s.ready != ready) {
                s.ready = ready;
                room.changed();
            }
            return RoomJson.OK;
        });
    }

    CompletableFuture<RawJson> changeSettings(Membership m, Request.SettingsPatch patch, Passwords.Hash password) {
        return room.submit("settings", m, () -> {
            room.members().requireHost(m);
            if (room.rounds().phase() != Phase.LOBBY) {
                throw new ProtocolException(ErrorCode.BAD_STATE, "settings can change only in the lobby");
            }
            if (patch.maxPlayers() != null
                    && patch.maxPlayers() < Math.max(room.members().seatCount(), room.occupancy())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "maxPlayers is below the number of players");
            }
            RoomSettings before = room.settings();
            room.replaceSettings(before.apply(patch, room.games(), password));
            if (!room.settings().map().equals(before.map()) || !room.settings().game().equals(before.game())) {
                room.replaceGame();
                room.members().broadcast(Events.GAME_INFO, new RawJson(room.slot().info()));
            }
            room.changed();
            return RoomJson.withRoom(room.roomJson());
        });
    }

    CompletableFuture<RawJson> start(Membership m) {
        return room.submit("start", m, () -> {
            room.members().requireHost(m);
            Phase phase = room.rounds().phase();
            if (phase != Phase.LOBBY && phase != Phase.ROUNDOVER) {
                throw new ProtocolException(ErrorCode.BAD_STATE, "a round is already starting or running");
            }
            room.rounds().countdown(room.currentTick());
            return RoomJson.OK;
        });
    }

    CompletableFuture<RawJson> kick(Membership m, int playerId) {
        return room.submit("kick", m, () -> {
            room.members().requireHost(m);
            Seat target = room.members().seat(playerId);
            if (target == null || target.id == m.playerId()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "no such other player");
            }
            room.seatChanges().kick(target, "kicked");
            return RoomJson.OK;
        });
    }

    CompletableFuture<RawJson> lock(Membership m, boolean lock) {
        return room.submit("lock", m, () -> {
            room.members().requireHost(m);
            room.setLocked(lock);
            room.changed();
            return RoomJson.withRoom(room.roomJson());
        });
    }

    CompletableFuture<RawJson> transferHost(Membership m, int playerId) {
        return room.submit("transfer-host", m, () -> {
            room.members().requireHost(m);
            if (room.members().seat(playerId) == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "no such player");
            }
            room.members().setHost(playerId);
            room.changed();
            return RoomJson.withRoom(room.roomJson());
        });
    }
}
