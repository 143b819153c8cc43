package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.Request;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.FrameDecoder;
import io.skirmish.snapshot.SnapshotText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a room says about itself, field by field: the room object, join answers and snapshots. */
class RoomJsonTest {
    private final RoomHarness h = new RoomHarness();

    /** A player's connection that asked for compact snapshots. */
    static final class Compact implements Connection {
        final FakeConnection inner = new FakeConnection();

        @Override public void send(String event, RawJson payload) { inner.send(event, payload); }
        @Override public boolean sendVolatile(String event, RawJson payload) { return inner.sendVolatile(event, payload); }
        @Override public boolean compactSnapshots() { return true; }
        @Override public String address() { return inner.address(); }
        @Override public void close() { inner.close(); }
    }

    private static JsonObject json(RawJson r) {
        return JsonParser.parseString(r.json()).getAsJsonObject();
    }

    private static JsonObject obj(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void aPrivateRoomsObjectHasEveryFieldAndEachPlayer() {
        FakeConnection hostConn = new FakeConnection();
        JoinResult hostJoin = h.await(h.manager.create(hostConn, "Host",
                new Request.SettingsPatch(6, 120, "pillars", true, "pw")));
        Room room = hostJoin.membership().room();
        JoinResult guestJoin = h.await(h.manager.join(new FakeConnection(), room.code(), "Guest", "pw"));
        h.await(h.manager.spectate(new FakeConnection(), room.code(), "pw"));
        h.await(guestJoin.membership().ready(true));
        guestJoin.membership().offerInput(RoomTest.input(4, 0, 0, 0, false));
        h.tick();
        guestJoin.membership().disconnected();
        h.tick();

        JsonObject expected = obj("""
                {"id":"%s","code":"%s","private":true,"game":"arena","capacity":6,"phase":"lobby",
                 "hostId":%d,"locked":false,"round":0,"phaseEndsAt":null,
                 "settings":{"maxPlayers":6,"roundSeconds":120,"game":"arena","map":"pillars","spectators":true,
                             "hasPassword":true},
                 "players":[{"id":%d,"name":"Host","host":true,"ready":false,"connected":true},
                            {"id":%d,"name":"Guest","host":false,"ready":true,"connected":false}],
                 "spectators":1}""".formatted(room.id(), room.code(), hostJoin.membership().playerId(),
                hostJoin.membership().playerId(), guestJoin.membership().playerId()));
        assertEquals(expected, room.roomJson());
        assertEquals(expected, hostConn.last(Events.ROOM_UPDATE), "what the members were sent");

        JsonObject ack = json(hostJoin.ack());
        assertTrue(ack.get("ok").getAsBoolean());
        assertEquals(java.util.List.of("ok", "room", "you", "game"), java.util.List.copyOf(ack.keySet()));
        assertEquals(obj(room.slot().info()), ack.getAsJsonObject("game"), "the game's facts, whole");
        JsonObject you = ack.getAsJsonObject("you");
        assertEquals(hostJoin.membership().playerId(), you.get("id").getAsInt());
        assertEquals(22, you.get("seatToken").getAsString().length());
        assertEquals(false, you.get("spectator").getAsBoolean());
        assertEquals(0, you.get("lastSeq").getAsInt(), "nothing received yet");
        JsonObject game = ack.getAsJsonObject("game");
        assertEquals("arena", game.get("id").getAsString());
        assertEquals("Arena", game.get("name").getAsString());
        assertEquals(30, game.get("tickRate").getAsInt());
        assertEquals(30, game.get("snapshotRate").getAsInt());
        assertEquals("pillars", game.getAsJsonObject("map").get("id").getAsString());

        String guestToken = room.members().seat(guestJoin.membership().playerId()).token;
        JsonObject back = json(h.await(h.manager.rejoin(new FakeConnection(), guestToken)).ack());
        assertEquals(4, back.getAsJsonObject("you").get("lastSeq").getAsInt(), "inputs go on after the last received");
    }

    @Test
    void aSpectatorsAnswerHasNoSeatAndSaysItsDelay() {
        JoinResult host = h.await(h.manager.create(new FakeConnection(), "Host",
                new Request.SettingsPatch(null, null, null, true, null)));
        JsonObject ack = json(h.await(h.manager.spectate(new FakeConnection(), host.membership().room().code(), null)).ack());
        JsonObject you = ack.getAsJsonObject("you");
        assertTrue(you.get("id").isJsonNull());
        assertTrue(you.get("seatToken").isJsonNull());
        assertTrue(you.get("spectator").getAsBoolean());
        assertEquals(h.cfg.spectatorDelay().toMillis(), you.get("delayMs").getAsLong());
        assertEquals(1, ack.getAsJsonObject("room").get("spectators").getAsInt());
        assertFalse(ack.getAsJsonObject("room").getAsJsonObject("settings").get("hasPassword").getAsBoolean());
    }

    @Test
    void aPublicRoomHasNoHostAndItsRoundEnds() {
        long created = h.ticker.wallMillis();
        JoinResult a = h.await(h.manager.quickplay(new FakeConnection(), "a"));
        Room room = a.membership().room();
        JsonObject o = room.roomJson();
        assertTrue(o.get("code").isJsonNull());
        assertEquals(false, o.get("private").getAsBoolean());
        assertTrue(o.get("hostId").isJsonNull(), "nobody hosts a public room");
        assertEquals("playing", o.get("phase").getAsString());
        assertEquals(1, o.get("round").getAsInt());
        assertEquals(created + 180_000, o.get("phaseEndsAt").getAsLong(), "the round's end, in wall-clock ms");
        assertEquals(180, o.getAsJsonObject("settings").get("roundSeconds").getAsInt());
    }

    @Test
    void snapshotsCarryTheRoomsEnvelopeAndEachPlayersAppliedSeqAndConnection() {
        FakeConnection c = new FakeConnection();
        JoinResult a = h.await(h.manager.quickplay(c, "a"));
        JoinResult b = h.await(h.manager.quickplay(new FakeConnection(), "b"));
        for (int seq = 1; seq <= 3; seq++) a.membership().offerInput(RoomTest.input(seq, 1, 0, 0, false));
        h.ticks(5);
        b.membership().disconnected();
        h.ticks(2);
        JsonObject s = c.last(Events.SNAPSHOT);
        Room room = a.membership().room();
        assertEquals(room.currentTick() - 1, s.get("tick").getAsLong());
        assertEquals(h.ticker.wallMillis(), s.get("time").getAsLong());
        assertEquals("playing", s.get("phase").getAsString());
        assertEquals(1, s.get("round").getAsInt());
        assertEquals(room.roomJson().get("phaseEndsAt").getAsLong(), s.get("phaseEndsAt").getAsLong());
        JsonObject pa = s.getAsJsonArray("players").get(0).getAsJsonObject();
        JsonObject pb = s.getAsJsonArray("players").get(1).getAsJsonObject();
        assertEquals(3, pa.get("seq").getAsInt());
        assertEquals(1, pa.get("c").getAsInt());
        assertEquals(0, pb.get("seq").getAsInt());
        assertEquals(0, pb.get("c").getAsInt(), "dropped, seat kept");
        assertEquals(s.toString(), obj(room.latestSnapshot().json()).toString(), "the operator's live view");
    }

    @Test
    void compactPlayersGetTheSameFactsAndTheLiveViewIsStillMadeOnceASecond() {
        Compact c = new Compact();
        JoinResult a = h.await(h.manager.quickplay(c, "a"));
        JoinResult b = h.await(h.manager.quickplay(new Compact(), "b"));
        for (int seq = 1; seq <= 3; seq++) a.membership().offerInput(RoomTest.input(seq, 1, 0, 0, false));
        h.ticks(5);
        b.membership().disconnected();
        Room room = a.membership().room();
        RawJson live = room.latestSnapshot();
        assertNotNull(live, "made though no player takes JSON");
        h.ticks(2);
        assertEquals(live, room.latestSnapshot(), "not again within the second");
        Frame held = null;
        for (FakeConnection.Sent sent : c.inner.sent) {
            if (!sent.event().equals(SnapshotText.EVENT)) continue;
            String text = sent.json();
            held = FrameDecoder.decode(held, SnapshotText.bytes(text.substring(1, text.length() - 1)));
        }
        assertNotNull(held);
        assertEquals(room.currentTick() - 1, held.tick());
        assertEquals(List.of(a.membership().playerId(), b.membership().playerId()),
                held.ships().stream().map(Frame.ShipRec::id).toList());
        assertEquals(3, held.ships().get(0).seq());
        assertTrue(held.ships().get(0).connected());
        assertEquals(0, held.ships().get(1).seq());
        assertEquals(false, held.ships().get(1).connected());
        assertEquals(2, held.phase(), "playing");
        assertEquals(1, held.round());
        h.ticks(30);
        assertTrue(room.latestSnapshot() != live, "a new one a second later");
    }
}
