package io.skirmish.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.Request;
import io.skirmish.protocol.RequestDecoder;
import io.skirmish.room.Connection;
import io.skirmish.room.JoinResult;
import io.skirmish.room.Membership;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted player (or spectator) of a {@link GameKit} room: sends inputs and commands as the
 * network layer would hand them on, and records every event the room sends it.
 */
public final class TestPlayer implements Connection {
    /** One event the room sent. */
    public record Received(String event, JsonObject payload) {}

    private final GameKit kit;
    private final List<Received> received = new ArrayList<>();
    private JsonObject ack;
    private Membership membership;
    private int seq;
    private volatile boolean writable = true;

    TestPlayer(GameKit kit) {
        this.kit = kit;
    }

    TestPlayer seated(JoinResult r) {
        this.ack = JsonParser.parseString(r.ack().json()).getAsJsonObject();
        this.membership = r.membership();
        JsonElement last = ack.getAsJsonObject("you").get("lastSeq");
        this.seq = last == null ? 0 : last.getAsInt();
        return this;
    }

    // ---- who and where -------------------------------------------------------------------------

    /** The join answer: {@code {ok, room, you, game}}. */
    public JsonObject ack() {
        return ack;
    }

    /** The player id (0 for a spectator). */
    public int id() {
        return membership.playerId();
    }

    public Room room() {
        return membership.room();
    }

    public Membership membership() {
        return membership;
    }

    /** The private room's join code (null in a public room). */
    public String code() {
        return room().code();
    }

    /** The join answer's {@code game} object (the game's {@code describe()} plus the room's facts). */
    public JsonObject game() {
        return ack.getAsJsonObject("game");
    }

    // ---- sending ---------------------------------------------------------------------------------

    /**
     * Sends one input with the next {@code seq}, decoded by the room's game exactly as a network
     * input is. Returns null when queued, or the reason it was dropped.
     *
     * @throws io.skirmish.protocol.ProtocolException when the game refuses the fields
     */
    public String input(Map<String, ?> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("seq", seq + 1);
        Request.Input in = (Request.Input) RequestDecoder.decode(Events.INPUT, payload);
        String dropped = membership.offerInput(in);
        seq++;
        return dropped;
    }

    /** Sends {@code fields} once per tick for {@code ticks} ticks. */
    public void hold(Map<String, ?> fields, int ticks) {
        for (int i = 0; i < ticks; i++) {
            input(fields);
            kit.tick();
        }
    }

    public JsonObject ready(boolean ready) {
        return answer(kit.await(membership.ready(ready)));
    }

    public JsonObject start() {
        return answer(kit.await(membership.start()));
    }

    /** {@code room:settings} with these fields (decoded by the real request decoder). */
    public JsonObject settings(Map<String, ?> patch) {
        Request.Settings s = (Request.Settings) RequestDecoder.decode(Events.ROOM_SETTINGS, patch);
        return answer(kit.await(membership.settings(s.patch())));
    }

    public JsonObject leave() {
        return answer(kit.await(membership.leave()));
    }

    /** The connection drops (the seat is kept for the grace period). */
    public void disconnect() {
        membership.disconnected();
    }

    /** While false, snapshots to this player are skipped as for a slow client. */
    public void writable(boolean writable) {
        this.writable = writable;
    }

    private static JsonObject answer(RawJson json) {
        return JsonParser.parseString(json.json()).getAsJsonObject();
    }

    // ---- what it received ------------------------------------------------------------------------

    public synchronized List<JsonObject> received(String event) {
        return received.stream().filter(r -> r.event().equals(event)).map(Received::payload).toList();
    }

    /** The last {@code event} received, or null. */
    public synchronized JsonObject last(String event) {
        List<JsonObject> l = received(event);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    /** Every {@code game:event} of this type, in order. */
    public List<JsonObject> events(String type) {
        return received(Events.GAME_EVENT).stream().filter(e -> e.get("type").getAsString().equals(type)).toList();
    }

    /** The last snapshot (fails if none came yet). */
    public JsonObject snapshot() {
        JsonObject s = last(Events.SNAPSHOT);
        assertNotNull(s, "no snapshot yet");
        return s;
    }

    /** A player's entry in the last snapshot's {@code players}, or null. */
    public JsonObject player(int id) {
        for (JsonElement e : snapshot().getAsJsonArray("players")) {
            if (e.getAsJsonObject().get("id").getAsInt() == id) return e.getAsJsonObject();
        }
        return null;
    }

    /** This player's own entry in the last snapshot. */
    public JsonObject self() {
        JsonObject me = player(id());
        assertNotNull(me, "not in the last snapshot");
        return me;
    }

    public synchronized void clear() {
        received.clear();
    }

    // ---- assertions ------------------------------------------------------------------------------

    /** The last event of this type, failing when there was none. */
    public JsonObject assertEvent(String type) {
        List<JsonObject> l = events(type);
        assertTrue(!l.isEmpty(), "no " + type + " event among " + received(Events.GAME_EVENT));
        JsonObject e = l.get(l.size() - 1);
        assertTrue(e.has("tick"), "the room wrote the envelope");
        return e;
    }

    public void assertPhase(String phase) {
        assertEquals(phase, snapshot().get("phase").getAsString());
    }

    /** Every player entry of the last snapshot carries the room's facts: {@code id, seq, c}. */
    public void assertRoomFacts() {
        for (JsonElement e : snapshot().getAsJsonArray("players")) {
            JsonObject p = e.getAsJsonObject();
            assertTrue(p.has("id") && p.has("seq") && p.has("c"), "room facts missing in " + p);
        }
    }

    // ---- Connection --------------------------------------------------------------------------------

    @Override
    public synchronized void send(String event, RawJson payload) {
        received.add(new Received(event, JsonParser.parseString(payload.json()).getAsJsonObject()));
    }

    @Override
    public synchronized boolean sendVolatile(String event, RawJson payload) {
        if (!writable) return false;
        send(event, payload);
        return true;
    }

    @Override
    public String address() {
        return "127.0.0.1";
    }

    @Override
    public void close() {}
}
