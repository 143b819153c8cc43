package io.skirmish.room;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The JSON a room sends about itself: the room object, join answers, simple acks (game thread). */
final class RoomJson {
    static final RawJson OK = new RawJson("{\"ok\":true}");

    private RoomJson() {}

    /** The {@code room} object of acks and {@code room:update}. */
    static JsonObject room(Room r, Members members, RoundCycle rounds, int roundSeconds) {
        RoomSettings st = r.settings();
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("code", r.code());
        o.addProperty("private", r.isPrivate());
        o.addProperty("game", st.game());
        o.addProperty("capacity", st.maxPlayers());
        o.addProperty("phase", rounds.phase().wire());
        int hostId = members.hostId();
        if (r.isPrivate() && hostId != 0) o.addProperty("hostId", hostId);
        else o.add("hostId", JsonNull.INSTANCE);
        o.addProperty("locked", r.isLocked());
        o.addProperty("round", rounds.round());
        if (rounds.phaseEndsAtMillis() > 0) o.addProperty("phaseEndsAt", rounds.phaseEndsAtMillis());
        else o.add("phaseEndsAt", JsonNull.INSTANCE);
        JsonObject so = new JsonObject();
        so.addProperty("maxPlayers", st.maxPlayers());
        so.addProperty("roundSeconds", roundSeconds);
        so.addProperty("game", st.game());
        so.addProperty("map", st.map());
        so.addProperty("spectators", st.spectators());
        so.addProperty("hasPassword", st.hasPassword());
        o.add("settings", so);
        JsonArray ps = new JsonArray();
        for (Seat s : members.seats()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", s.id);
            p.addProperty("name", s.name);
            p.addProperty("host", s.id == hostId);
            p.addProperty("ready", s.ready);
            p.addProperty("connected", s.conn != null);
            ps.add(p);
        }
        o.add("players", ps);
        o.addProperty("spectators", members.spectators().size());
        return o;
    }

    /** A join answer: {@code {ok, room, you, game}}; {@code seat} is null for a spectator. */
    static RawJson joinAck(JsonObject room, Seat seat, String gameInfo, long spectatorDelayMs) {
        JsonObject ack = new JsonObject();
        ack.addProperty("ok", true);
        ack.add("room", room);
        JsonObject you = new JsonObject();
        if (seat == null) {
            you.add("id", JsonNull.INSTANCE);
            you.add("seatToken", JsonNull.INSTANCE);
            you.addProperty("spectator", true);
            you.addProperty("delayMs", spectatorDelayMs);
        } else {
            you.addProperty("id", seat.id);
            you.addProperty("seatToken", seat.token);
            you.addProperty("spectator", false);
            you.addProperty("lastSeq", Math.max(0, seat.lastReceivedSeq));
        }
        ack.add("you", you);
        // The game's facts are JSON text made once per room (GameSlot): spliced in as the last member,
        // not parsed and written again for every join.
        String head = ack.toString();
        return new RawJson(head.substring(0, head.length() - 1) + ",\"game\":" + gameInfo + "}");
    }

    /** What {@code GET /api/rooms} and monitoring see. */
    static RoomSummary summary(Room r, Members members, RoundCycle rounds) {
        RoomSettings st = r.settings();
        return new RoomSummary(r.id(), members.seatCount(), st.maxPlayers(), rounds.phase().wire(), st.game(), st.map(),
                members.spectators().size());
    }

    /** {@code {ok: true, room}}. */
    static RawJson withRoom(JsonObject room) {
        JsonObject ack = new JsonObject();
        ack.addProperty("ok", true);
        ack.add("room", room);
        return new RawJson(ack.toString());
    }

    /** {@code {reason}}, for {@code room:closed} and {@code room:kicked}. */
    static RawJson reason(String reason) {
        JsonObject o = new JsonObject();
        o.addProperty("reason", reason);
        return new RawJson(o.toString());
    }

    /** A snapshot: the room's envelope {@code tick, time, phase, round, phaseEndsAt}, then the game's part. */
    static RawJson snapshot(long tick, long wallMillis, RoundCycle rounds, GameSlot<?> slot, int players) {
        StringWriter sw = new StringWriter(256 + players * 128);
        try (JsonWriter out = new JsonWriter(sw)) {
            out.beginObject();
            out.name("tick").value(tick);
            out.name("time").value(wallMillis);
            out.name("phase").value(rounds.phase().wire());
            out.name("round").value(rounds.round());
            out.name("phaseEndsAt");
            if (rounds.phaseEndsAtMillis() > 0) out.value(rounds.phaseEndsAtMillis());
            else out.nullValue();
            slot.writeSnapshot(out);
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawJson(sw.toString());
    }
}
