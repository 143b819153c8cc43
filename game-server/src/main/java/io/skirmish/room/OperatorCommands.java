package io.skirmish.room;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import java.util.concurrent.CompletableFuture;

/**
 * What the server's operator (the admin console) can do to a room, beside its host: look inside,
 * kick, lock, send everyone a message, close it. Any thread; each is a command the room runs on its
 * game thread at its next tick, and the room's observer hears of it as {@code operator:...}.
 */
public final class OperatorCommands {
    private final Room room;

    OperatorCommands(Room room) {
        this.room = room;
    }

    /**
     * The room as its members see it, with each seat's input queue depth, sequence numbers, step bank
     * and inputs cut from a backlog (the room's own, read on its game thread), and its connection's
     * heartbeat round trip, refused inputs and rate-limit state (the network layer's, thread-safe).
     */
    public CompletableFuture<RawJson> inspect() {
        return room.submit(null, null, () -> {
            JsonObject o = room.roomJson();
            for (JsonElement el : o.getAsJsonArray("players")) {
                JsonObject p = el.getAsJsonObject();
                Seat s = room.members().seat(p.get("id").getAsInt());
                if (s == null) continue;
                p.addProperty("inputQueue", s.inbox.size());
                p.addProperty("lastReceivedSeq", Math.max(0, s.lastReceivedSeq));
                p.addProperty("lastAppliedSeq", s.lastAppliedSeq);
                p.addProperty("stepBudget", s.budget);
                p.addProperty("arrivalJitterMs", Math.round(s.jitter.ticks() * 1000.0 / room.config().tickRate() * 10) / 10.0);
                p.addProperty("jitterBuffer", s.jitter.buffered());
                p.addProperty("inputsCut", s.inputsCut);
                Connection conn = s.conn;
                ConnectionStats net = conn == null ? ConnectionStats.UNKNOWN : conn.stats();
                if (net.rttMillis() >= 0) {
                    p.addProperty("rttMs", Math.round(net.rttMillis() * 10) / 10.0);
                } else {
                    p.add("rttMs", com.google.gson.JsonNull.INSTANCE);
                }
                p.addProperty("rejectedInputs", net.rejectedInputs());
                p.addProperty("rateLimitedMessages", net.rateLimitedMessages());
                p.addProperty("rateLimit", net.rateLimit());
            }
            o.addProperty("tick", room.currentTick());
            o.addProperty("snapshotDivisor", room.snapshotDivisor());
            o.add("game", JsonParser.parseString(room.slot().info()));
            return new RawJson(o.toString());
        });
    }

    /** Removes a player: told {@code room:kicked {reason: "operator"}}, seat token revoked. */
    public CompletableFuture<RawJson> kick(int playerId) {
        return room.submit("operator:kick", null, () -> {
            Seat target = room.members().seat(playerId);
            if (target == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "no such player");
            }
            room.seatChanges().kick(target, "operator");
            return RoomJson.OK;
        });
    }

    public CompletableFuture<RawJson> lock(boolean lock) {
        return room.submit(lock ? "operator:lock" : "operator:unlock", null, () -> {
            room.setLocked(lock);
            room.changed();
            return RoomJson.OK;
        });
    }

    /** Sends every member {@code room:notice {from: "operator", text}}. */
    public CompletableFuture<RawJson> message(String text) {
        return room.submit("operator:message", null, () -> {
            JsonObject o = new JsonObject();
            o.addProperty("from", "operator");
            o.addProperty("text", text);
            room.members().broadcast(Events.ROOM_NOTICE, new RawJson(o.toString()));
            return RoomJson.OK;
        });
    }

    /** Closes the room after its next tick: every member gets {@code room:closed {reason: "operator"}}. */
    public CompletableFuture<RawJson> close() {
        return room.submit("operator:close", null, () -> {
            room.slot().closeRoom("operator");
            return RoomJson.OK;
        });
    }
}
