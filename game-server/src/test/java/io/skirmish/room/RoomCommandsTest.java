package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Commands and what members see of them: every change is broadcast, dropped and rejoined seats lose
 * their queued inputs, guesses are limited, and a failing room is closed for everyone.
 */
class RoomCommandsTest {
    private final RoomHarness h = new RoomHarness();
    private final List<String> heard = new ArrayList<>();
    private final FakeConnection hostConn = new FakeConnection();
    private final FakeConnection guestConn = new FakeConnection();
    private Membership host;
    private Membership guest;

    RoomCommandsTest() {
        h.manager.observe(new RoomObserver() {
            @Override
            public void gameStarted(Room room, long tick, String game, String map, long seed) {
                heard.add("game " + game + " " + map);
            }

            @Override
            public void failed(Room room, long tick, Throwable error) {
                heard.add("failed " + error.getMessage());
            }

            @Override
            public void closed(Room room, long tick, String reason) {
                heard.add("closed " + reason);
            }
        });
    }

    private Room privateRoom() {
        host = h.await(h.manager.create(hostConn, "host", Request.SettingsPatch.NONE)).membership();
        guest = h.await(h.manager.join(guestConn, host.room().code(), "guest", null)).membership();
        hostConn.clear();
        guestConn.clear();
        return host.room();
    }

    private static ErrorCode code(Runnable r) {
        return assertThrows(ProtocolException.class, r::run).code();
    }

    private static ErrorCode failed(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return ((ProtocolException) e.getCause()).code();
    }

    private int updates(FakeConnection c) {
        return c.all(Events.ROOM_UPDATE).size();
    }

    @Test
    void everyHostCommandIsBroadcastOnceItChangedSomething() {
        Room room = privateRoom();
        h.await(host.lock(true));
        assertTrue(guestConn.last(Events.ROOM_UPDATE).get("locked").getAsBoolean());
        h.await(host.transferHost(guest.playerId()));
        assertEquals(guest.playerId(), guestConn.last(Events.ROOM_UPDATE).get("hostId").getAsInt());
        h.await(guest.settings(new Request.SettingsPatch(5, null, null, null, null)));
        assertEquals(5, hostConn.last(Events.ROOM_UPDATE).get("capacity").getAsInt());
        int before = updates(hostConn);
        assertEquals("{\"ok\":true}", h.await(guest.ready(true)).json());
        assertEquals(before + 1, updates(hostConn));
        h.await(guest.ready(true));
        assertEquals(before + 1, updates(hostConn), "ready again changes nothing: no update");
        assertTrue(room.members().seat(guest.playerId()).ready);
    }

    @Test
    void aNewGameDisposesTheOldOneAndIsAnnounced() {
        privateRoom();
        heard.clear();
        h.await(host.settings(new Request.SettingsPatch(null, null, "pillars", null, null)));
        assertEquals(List.of("game arena pillars"), heard);
        assertEquals("pillars", guestConn.last(Events.GAME_INFO).getAsJsonObject("map").get("id").getAsString());
    }

    @Test
    void aDroppedOrRejoinedSeatLosesItsQueuedInputs() {
        privateRoom();
        Seat seat = guest.seat();
        guest.offerInput(RoomTest.input(1, 1, 0, 0, false));
        guest.offerInput(RoomTest.input(2, 1, 0, 0, false));
        guest.disconnected();
        h.tick();
        assertEquals(0, seat.inbox.size(), "a dropped seat's inputs are gone");
        assertEquals(0, seat.lastAppliedSeq);
        assertFalse(hostConn.last(Events.ROOM_UPDATE).getAsJsonArray("players").get(1).getAsJsonObject()
                .get("connected").getAsBoolean());

        Membership back = h.await(h.manager.rejoin(new FakeConnection(), seat.token)).membership();
        back.offerInput(RoomTest.input(3, 1, 0, 0, false));
        Membership again = h.await(h.manager.rejoin(new FakeConnection(), seat.token)).membership();
        assertEquals(0, seat.inbox.size(), "a rejoin starts with an empty queue");
        assertEquals("not_in_room", back.offerInput(RoomTest.input(4, 1, 0, 0, false)), "the replaced connection");
        assertTrue(again.active());
    }

    @Test
    void spectatorsComingAndGoingAreBroadcast() {
        Room room = privateRoom();
        Membership watcher = h.await(h.manager.spectate(new FakeConnection(), room.code(), null)).membership();
        assertEquals(1, hostConn.last(Events.ROOM_UPDATE).get("spectators").getAsInt());
        watcher.disconnected();
        h.tick();
        assertEquals(0, hostConn.last(Events.ROOM_UPDATE).get("spectators").getAsInt());
        assertEquals("spectator", watcher.offerInput(RoomTest.input(1, 0, 0, 0, false)));
    }

    @Test
    void wrongPasswordsAndCodesAreLimitedPerConnection() {
        JoinResult hostJoin = h.await(h.manager.create(new FakeConnection(), "host",
                new Request.SettingsPatch(null, null, null, null, "pw")));
        String code = hostJoin.membership().room().code();
        FakeConnection guesser = new FakeConnection("10.0.0.9");
        assertEquals(ErrorCode.BAD_PASSWORD, code(() -> h.manager.join(guesser, code, "g", null)));
        ProtocolException wrong = assertThrows(ProtocolException.class, () -> h.manager.join(guesser, code, "g", "x"));
        assertEquals("wrong password", wrong.getMessage());
        assertEquals(ErrorCode.ROOM_NOT_FOUND, code(() -> h.manager.join(guesser, "ZZZZZ", "g", null)));
        assertEquals(ErrorCode.BAD_PASSWORD, code(() -> h.manager.spectate(guesser, code, "y")));
        assertEquals(ErrorCode.BAD_PASSWORD, code(() -> h.manager.join(guesser, code, "g", "z")));
        assertEquals(ErrorCode.RATE_LIMITED, code(() -> h.manager.join(guesser, code, "g", "pw")),
                "five wrong guesses: even the right password waits");
        assertEquals("g2", h.await(h.manager.join(new FakeConnection("10.0.0.10"), code, "g2", "pw")).membership()
                .room().members().seat(2).name);
    }

    @Test
    void anOverloadedServerRefusesNewPlayersButNotRejoins() {
        Room room = privateRoom();
        h.manager.setOverloaded(true);
        assertTrue(h.manager.overloaded());
        assertEquals(ErrorCode.SERVER_FULL, code(() -> h.manager.create(new FakeConnection(), "x", Request.SettingsPatch.NONE)));
        assertEquals(ErrorCode.SERVER_FULL, code(() -> h.manager.join(new FakeConnection(), room.code(), "x", null)));
        guest.disconnected();
        h.tick();
        assertTrue(h.await(h.manager.rejoin(new FakeConnection(), guest.seat().token)).membership().active());
        h.manager.setOverloaded(false);
        assertFalse(h.manager.overloaded());
    }

    @Test
    void aRoomThatFailsIsClosedForEveryoneAndItsSeatsAreGone() {
        Room room = privateRoom();
        String token = guest.seat().token;
        CompletableFuture<RawJson> pending = host.lock(true);
        room.onTickFailure(new IllegalStateException("boom"));
        assertTrue(room.isClosed());
        JsonObject closed = guestConn.last(Events.ROOM_CLOSED);
        assertEquals("error", closed.get("reason").getAsString());
        assertEquals(List.of("failed boom", "closed error"), heard.stream().filter(s -> !s.startsWith("game")).toList());
        assertEquals(ErrorCode.ROOM_NOT_FOUND, failed(pending), "a command queued before the failure fails");
        assertEquals(ErrorCode.SEAT_EXPIRED, code(() -> h.manager.rejoin(new FakeConnection(), token)));
        assertFalse(guest.active());
        assertEquals(List.of(), h.scheduled);
        assertEquals(ErrorCode.ROOM_NOT_FOUND, code(() -> h.manager.join(new FakeConnection(), room.code(), "x", null)));
    }
}
