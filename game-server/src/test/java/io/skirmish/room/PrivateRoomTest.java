package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PrivateRoomTest {
    private final RoomHarness h = new RoomHarness();
    private final FakeConnection hostConn = new FakeConnection();
    private final JoinResult host = h.await(h.manager.create(hostConn, "host", Request.SettingsPatch.NONE));
    private final String code = json(host.ack()).getAsJsonObject("room").get("code").getAsString();

    private static JsonObject json(RawJson r) {
        return JsonParser.parseString(r.json()).getAsJsonObject();
    }

    private JoinResult join(FakeConnection c, String name) {
        return h.await(h.manager.join(c, code, name, null));
    }

    private ErrorCode failure(CompletableFuture<?> f) {
        h.tick();
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return ((ProtocolException) e.getCause()).code();
    }

    @Test
    void startsInTheLobbyAndOnlyTheHostStartsARoundWhetherOrNotAllAreReady() {
        JoinResult b = join(new FakeConnection(), "b");
        assertEquals("lobby", json(host.ack()).getAsJsonObject("room").get("phase").getAsString());
        assertEquals(ErrorCode.NOT_HOST, failure(b.membership().start()));
        h.await(b.membership().ready(true));
        h.await(host.membership().start());
        assertEquals("countdown", hostConn.last(Events.ROOM_UPDATE).get("phase").getAsString());
        h.ticks(h.cfg.ticks(h.cfg.countdown()) + 1);
        assertEquals("playing", hostConn.last(Events.ROOM_UPDATE).get("phase").getAsString());
        assertEquals(ErrorCode.BAD_STATE, failure(host.membership().start()));
    }

    @Test
    void settingsChangeInTheLobbyOnlyAndNeverShowThePassword() {
        RawJson r = h.await(host.membership().settings(new Request.SettingsPatch(4, 60, "pillars", false, "s3cret")));
        JsonObject room = json(r).getAsJsonObject("room");
        assertEquals(4, room.get("capacity").getAsInt());
        assertEquals("pillars", room.getAsJsonObject("settings").get("map").getAsString());
        assertTrue(room.getAsJsonObject("settings").get("hasPassword").getAsBoolean());
        assertFalse(r.json().contains("s3cret"));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> h.manager.join(new FakeConnection(), code, "x", "wrong"));
        assertEquals(ErrorCode.BAD_PASSWORD, e.code());
        h.await(h.manager.join(new FakeConnection(), code, "y", "s3cret"));
        assertEquals(ErrorCode.BAD_REQUEST,
                failure(host.membership().settings(new Request.SettingsPatch(null, null, "nowhere", null, null))));
    }

    @Test
    void kickRevokesTheSeatToken() {
        FakeConnection bc = new FakeConnection();
        JoinResult b = join(bc, "b");
        String token = json(b.ack()).getAsJsonObject("you").get("seatToken").getAsString();
        h.await(host.membership().kick(b.membership().playerId()));
        assertEquals("kicked", bc.last(Events.ROOM_KICKED).get("reason").getAsString());
        assertFalse(b.membership().active());
        assertEquals(ErrorCode.SEAT_EXPIRED,
                assertThrows(ProtocolException.class, () -> h.manager.rejoin(new FakeConnection(), token)).code());
    }

    @Test
    void aLockedRoomRefusesNewPlayersButNotRejoins() {
        JoinResult b = join(new FakeConnection(), "b");
        String token = json(b.ack()).getAsJsonObject("you").get("seatToken").getAsString();
        h.await(host.membership().lock(true));
        assertEquals(ErrorCode.ROOM_LOCKED,
                assertThrows(ProtocolException.class, () -> h.manager.join(new FakeConnection(), code, "c", null)).code());
        b.membership().disconnected();
        h.tick();
        h.await(h.manager.rejoin(new FakeConnection(), token));
    }

    @Test
    void hostPassesToTheLongestPresentPlayerOrByTransfer() {
        JoinResult b = join(new FakeConnection(), "b");
        JoinResult c = join(new FakeConnection(), "c");
        RawJson t = h.await(host.membership().transferHost(c.membership().playerId()));
        assertEquals(c.membership().playerId(), json(t).getAsJsonObject("room").get("hostId").getAsInt());
        assertEquals(ErrorCode.NOT_HOST, failure(host.membership().lock(true)));
        h.await(c.membership().leave());
        assertEquals(host.membership().playerId(), hostConn.last(Events.ROOM_UPDATE).get("hostId").getAsInt(),
                "the creator has been here longest");
        assertTrue(b.membership().active());
    }

    @Test
    void wrongCodesAreRateLimitedPerConnection() {
        FakeConnection guesser = new FakeConnection("10.1.1.1");
        for (int i = 0; i < 5; i++) {
            assertEquals(ErrorCode.ROOM_NOT_FOUND, assertThrows(ProtocolException.class,
                    () -> h.manager.join(guesser, "ZZZZZ", "g", null)).code());
        }
        assertEquals(ErrorCode.RATE_LIMITED,
                assertThrows(ProtocolException.class, () -> h.manager.join(guesser, code, "g", null)).code(),
                "even the right code, once limited");
        h.ticker.advanceMillis(61_000);
        h.await(h.manager.join(guesser, code, "g", null));
    }

    @Test
    void spectatorsSeeDelayedSnapshotsTakeNoSeatAndCannotAct() {
        FakeConnection sc = new FakeConnection();
        JoinResult s = h.await(h.manager.spectate(sc, code, null));
        assertTrue(s.membership().spectator());
        assertEquals(1, s.membership().room().occupancy(), "not counted against capacity");
        assertEquals("spectator", s.membership().offerInput(RoomTest.input(1, 1, 0, 0, false)));
        int delayTicks = (int) (h.cfg.spectatorDelay().toMillis() * h.cfg.tickRate() / 1000);
        h.ticks(delayTicks - 2);
        assertNull(sc.last(Events.SNAPSHOT), "nothing before the delay has passed");
        h.ticks(10);
        JsonObject snap = sc.last(Events.SNAPSHOT);
        long behind = hostConn.last(Events.SNAPSHOT).get("tick").getAsLong() - snap.get("tick").getAsLong();
        assertEquals(delayTicks, behind);
        assertEquals(ErrorCode.NOT_IN_ROOM, failure(s.membership().ready(true)));
    }
}
