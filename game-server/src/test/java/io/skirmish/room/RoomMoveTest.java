package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.game.Phase;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A running room moved to another server (the cluster's drain), between two room managers on their
 * own manual clocks: frozen with its image, adopted, its players back in their seats by token.
 */
class RoomMoveTest {
    private final RoomHarness here = new RoomHarness();
    private final RoomHarness there = new RoomHarness();
    private final FakeConnection hostConn = new FakeConnection(), guestConn = new FakeConnection(),
            watcherConn = new FakeConnection();
    private Membership host;
    private Membership guest;

    private Room playedRoom() {
        host = here.await(here.manager.create(hostConn, "host",
                new Request.SettingsPatch(4, 60, "pillars", true, "pw"))).membership();
        String code = host.room().code();
        guest = here.await(here.manager.join(guestConn, code, "guest", "pw")).membership();
        here.await(here.manager.spectate(watcherConn, code, "pw"));
        here.await(guest.ready(true));
        here.await(host.lock(true));
        for (int seq = 1; seq <= 5; seq++) {
            guest.offerInput(RoomTest.input(seq, 1, 0, 0, false));
        }
        here.ticks(10);
        return host.room();
    }

    private static JsonObject json(RawJson r) {
        return JsonParser.parseString(r.json()).getAsJsonObject();
    }

    @Test
    void anAdoptedRoomContinuesWithItsSettingsSeatsRoundAndGame() {
        Room room = playedRoom();
        RawJson image = here.await(here.manager.freeze(room));
        long frozenAt = room.currentTick();
        here.ticks(5);
        assertEquals(frozenAt, room.currentTick(), "a frozen room does not step");

        Room moved = there.manager.adopt(image);
        assertEquals(room.id(), moved.id());
        assertEquals(room.code(), moved.code());
        assertEquals(room.seed(), moved.seed());
        assertEquals(json(image).get("tick").getAsLong(), moved.currentTick());
        RoomSettings st = moved.settings();
        assertEquals(List.of(4, 60, "arena", "pillars", true),
                List.of(st.maxPlayers(), st.roundSeconds(), st.game(), st.map(), st.spectators()));
        assertTrue(Passwords.matches(st.password(), "pw"), "the password's hash moves, not the password");
        assertFalse(Passwords.matches(st.password(), "other"));
        assertTrue(moved.isLocked());
        assertEquals(Phase.LOBBY, moved.rounds().phase());
        assertEquals(host.playerId(), moved.members().hostId());
        assertEquals(2, moved.occupancy());
        Seat g = moved.members().seat(guest.playerId());
        assertEquals("guest", g.name);
        assertTrue(g.ready);
        assertEquals(5, g.lastAppliedSeq);
        assertEquals(5, g.lastReceivedSeq);
        assertNull(g.conn, "seats arrive disconnected");
        assertEquals(json(image).get("game"), moved.slot().game().save(), "the game's state as it was frozen");
        assertEquals(there.scheduled, List.of(moved));
        assertEquals(2, there.manager.seatTokens(moved).size());
        assertEquals(here.manager.seatTokens(room).stream().sorted().toList(),
                there.manager.seatTokens(moved).stream().sorted().toList());
    }

    @Test
    void playersTakeTheirSeatsBackByTokenAndNewPlayersGetNewIds() {
        Room room = playedRoom();
        RawJson image = here.await(here.manager.freeze(room));
        Room moved = there.manager.adopt(image);
        String guestToken = room.members().seat(guest.playerId()).token;
        FakeConnection back = new FakeConnection();
        JoinResult r = there.await(there.manager.rejoin(back, guestToken));
        assertEquals(guest.playerId(), r.membership().playerId());
        assertEquals(5, json(r.ack()).getAsJsonObject("you").get("lastSeq").getAsInt(), "inputs continue after 5");
        assertEquals("stale_seq", r.membership().offerInput(RoomTest.input(5, 0, 0, 0, false)), "an old seq is refused");
        assertNull(r.membership().offerInput(RoomTest.input(6, 0, 0, 0, false)));

        Membership hostBack = there.await(there.manager.rejoin(new FakeConnection(),
                room.members().seat(host.playerId()).token)).membership();
        there.await(hostBack.lock(false));
        JoinResult newcomer = there.await(there.manager.join(new FakeConnection(), moved.code(), "new", "pw"));
        assertEquals(3, newcomer.membership().playerId(), "ids go on from the image's next id");
    }

    @Test
    void finishingTheMoveSendsEveryoneOnAndClosesTheRoomHere() {
        Room room = playedRoom();
        here.await(here.manager.freeze(room));
        hostConn.clear();
        here.await(here.manager.finishMove(room, "room:moved",
                token -> new RawJson("{\"token\":" + (token == null ? "null" : "\"" + token + "\"") + "}")));
        String hostToken = room.members().seat(host.playerId()).token;
        assertEquals(hostToken, hostConn.last("room:moved").get("token").getAsString());
        assertEquals(room.members().seat(guest.playerId()).token,
                guestConn.last("room:moved").get("token").getAsString());
        assertTrue(watcherConn.last("room:moved").get("token").isJsonNull(), "a spectator follows by code");
        assertTrue(room.isClosed());
        assertNull(hostConn.last(Events.ROOM_CLOSED), "moved, not closed");
    }

    @Test
    void aMoveCalledOffUnfreezesTheRoom() {
        Room room = playedRoom();
        here.await(here.manager.freeze(room));
        long frozenAt = room.currentTick();
        here.ticks(3);
        assertEquals(frozenAt, room.currentTick());
        here.manager.unfreeze(room);
        here.ticks(3);
        assertEquals(frozenAt + 3, room.currentTick());
        assertFalse(room.isFrozen());
    }

    @Test
    void anImageIsRefusedWhenItsIdOrCodeRunsHereOrItIsNotAnImage() {
        Room room = playedRoom();
        RawJson image = here.await(here.manager.freeze(room));
        there.manager.adopt(image);
        assertThrows(IllegalArgumentException.class, () -> there.manager.adopt(image), "same id");
        JsonObject other = json(image);
        other.addProperty("id", "otherid1");
        assertThrows(IllegalArgumentException.class, () -> there.manager.adopt(new RawJson(other.toString())),
                "same code");
        assertNull(there.manager.room("otherid1"), "not left half-registered");
        other.addProperty("v", 2);
        assertThrows(IllegalArgumentException.class, () -> there.manager.adopt(new RawJson(other.toString())));
        assertThrows(IllegalArgumentException.class, () -> there.manager.adopt(new RawJson("[1]")));
        assertNotNull(there.manager.room(room.id()));
    }
}
