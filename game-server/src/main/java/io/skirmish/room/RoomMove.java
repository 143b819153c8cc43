package io.skirmish.room;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;

/**
 * A running room as a JSON image, to continue on another server (cluster drain): its identity and
 * settings, the round cycle, every seat (id, name, seat token, input numbering) and the game's own
 * {@code save()}. {@link #export} runs on the room's game thread and freezes the room; {@link #restore}
 * fills a new room with the image before it is scheduled. Seats arrive disconnected: each player takes
 * theirs back with {@code room:rejoin} and its seat token, within the seat grace.
 */
final class RoomMove {
    static final int VERSION = 1;

    private RoomMove() {}

    /** Game thread: the room's image; from now on the room does not step (it is frozen). */
    static RawJson export(Room room) {
        room.freeze(true);
        RoomSettings st = room.settings();
        JsonObject o = new JsonObject();
        o.addProperty("v", VERSION);
        o.addProperty("id", room.id());
        o.addProperty("code", room.code());
        JsonObject so = new JsonObject();
        so.addProperty("maxPlayers", st.maxPlayers());
        so.addProperty("roundSeconds", st.roundSeconds());
        so.addProperty("game", st.game());
        so.addProperty("map", st.map());
        so.addProperty("spectators", st.spectators());
        if (st.password() != null) {
            JsonObject pw = new JsonObject();
            pw.addProperty("salt", Base64.getEncoder().encodeToString(st.password().salt()));
            pw.addProperty("hash", Base64.getEncoder().encodeToString(st.password().hash()));
            so.add("password", pw);
        }
        o.add("settings", so);
        o.addProperty("locked", room.isLocked());
        o.addProperty("seed", room.seed());
        o.addProperty("tick", room.currentTick());
        o.add("rounds", room.rounds().save(room.currentTick()));
        Members members = room.members();
        o.addProperty("hostId", members.hostId());
        o.addProperty("nextPlayerId", members.nextPlayerId());
        JsonArray seats = new JsonArray();
        for (Seat s : members.seats()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", s.id);
            p.addProperty("name", s.name);
            p.addProperty("token", s.token);
            p.addProperty("ready", s.ready);
            p.addProperty("lastAppliedSeq", s.lastAppliedSeq);
            p.addProperty("lastReceivedSeq", s.lastReceivedSeq);
            seats.add(p);
        }
        o.add("seats", seats);
        o.add("game", room.slot().game().save());
        return new RawJson(o.toString());
    }

    static JsonObject parse(RawJson image) {
        JsonElement e = JsonParser.parseString(image.json());
        if (!e.isJsonObject() || e.getAsJsonObject().get("v") == null
                || e.getAsJsonObject().get("v").getAsInt() != VERSION) {
            throw new IllegalArgumentException("not a room image of version " + VERSION);
        }
        return e.getAsJsonObject();
    }

    static RoomSettings settings(JsonObject image) {
        JsonObject so = image.getAsJsonObject("settings");
        Passwords.Hash pw = null;
        if (so.has("password")) {
            JsonObject p = so.getAsJsonObject("password");
            pw = new Passwords.Hash(Base64.getDecoder().decode(p.get("salt").getAsString()),
                    Base64.getDecoder().decode(p.get("hash").getAsString()));
        }
        return new RoomSettings(so.get("maxPlayers").getAsInt(), so.get("roundSeconds").getAsInt(),
                so.get("game").getAsString(), so.get("map").getAsString(), so.get("spectators").getAsBoolean(), pw);
    }

    static String code(JsonObject image) {
        JsonElement c = image.get("code");
        return c == null || c.isJsonNull() ? null : c.getAsString();
    }

    /** Fills a new room (not yet scheduled) with an image; returns its seats' tokens. */
    static java.util.List<String> restore(Room room, JsonObject image) {
        long tick = image.get("tick").getAsLong();
        room.restoreTick(tick);
        room.setLocked(image.get("locked").getAsBoolean());
        Members members = room.members();
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (JsonElement e : image.getAsJsonArray("seats")) {
            JsonObject p = e.getAsJsonObject();
            if (!room.tryReserve()) {
                throw new IllegalStateException("more seats than the room's capacity");
            }
            Seat s = members.adopt(p.get("id").getAsInt(), p.get("name").getAsString(), p.get("token").getAsString(),
                    room.config().inputQueue(), tick);
            s.ready = p.get("ready").getAsBoolean();
            s.lastAppliedSeq = p.get("lastAppliedSeq").getAsInt();
            s.lastReceivedSeq = p.get("lastReceivedSeq").getAsInt();
            tokens.add(s.token);
        }
        members.setHost(image.get("hostId").getAsInt());
        members.restoreNextPlayerId(image.get("nextPlayerId").getAsInt());
        room.slot().game().restore(image.getAsJsonObject("game"));
        room.rounds().restore(image.getAsJsonObject("rounds"), tick);
        room.changed();
        return tokens;
    }
}
