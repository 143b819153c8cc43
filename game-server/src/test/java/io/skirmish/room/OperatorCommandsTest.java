package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The operator's commands on a real room, on the harness's manual clock. */
class OperatorCommandsTest {
    private final RoomHarness h = new RoomHarness();
    private final List<String> heard = new ArrayList<>();

    OperatorCommandsTest() {
        h.manager.observe(new RoomObserver() {
            @Override
            public void command(Room room, long tick, String command, int playerId) {
                heard.add(command + " by " + playerId);
            }

            @Override
            public void closed(Room room, long tick, String reason) {
                heard.add("closed " + reason);
            }
        });
    }

    /** A connection with network statistics, as the operator's console shows them. */
    static final class Measured implements Connection {
        final FakeConnection inner = new FakeConnection();
        final ConnectionStats stats;

        Measured(ConnectionStats stats) {
            this.stats = stats;
        }

        @Override public void send(String event, RawJson payload) { inner.send(event, payload); }
        @Override public boolean sendVolatile(String event, RawJson payload) { return inner.sendVolatile(event, payload); }
        @Override public String address() { return inner.address(); }
        @Override public void close() { inner.close(); }
        @Override public ConnectionStats stats() { return stats; }
    }

    private Membership host;
    private Membership guest;
    private final FakeConnection hostConn = new FakeConnection();
    private final Measured guestConn = new Measured(new ConnectionStats(12.345, 3, 4, "throttled"));

    private Room privateRoom() {
        host = h.await(h.manager.create(hostConn, "host", Request.SettingsPatch.NONE)).membership();
        guest = h.await(h.manager.join(guestConn, host.room().code(), "guest", null)).membership();
        return host.room();
    }

    private static JsonObject json(RawJson r) {
        return JsonParser.parseString(r.json()).getAsJsonObject();
    }

    @Test
    void inspectShowsEachSeatsQueuesAndItsConnection() {
        Room room = privateRoom();
        guest.offerInput(RoomTest.input(5, 1, 0, 0, false));
        guest.offerInput(RoomTest.input(6, 1, 0, 0, false));
        JsonObject o = json(h.await(room.operator().inspect()));
        assertEquals(room.id(), o.get("id").getAsString());
        assertEquals(room.snapshotDivisor(), o.get("snapshotDivisor").getAsInt());
        assertTrue(o.get("tick").getAsLong() > 0);
        assertEquals("arena", o.getAsJsonObject("game").get("id").getAsString());
        JsonObject h0 = o.getAsJsonArray("players").get(0).getAsJsonObject();
        assertEquals(host.playerId(), h0.get("id").getAsInt());
        assertTrue(h0.get("rttMs").isJsonNull(), "no round trip measured");
        assertEquals(0, h0.get("lastReceivedSeq").getAsInt());
        assertEquals("ok", h0.get("rateLimit").getAsString());
        JsonObject g = o.getAsJsonArray("players").get(1).getAsJsonObject();
        assertEquals(6, g.get("lastReceivedSeq").getAsInt());
        assertEquals(2, g.get("inputQueue").getAsInt(), "commands run before the tick applies inputs");
        assertEquals(0, g.get("lastAppliedSeq").getAsInt());
        assertEquals(12.3, g.get("rttMs").getAsDouble(), 1e-9, "to a tenth of a millisecond");
        assertEquals(3, g.get("rejectedInputs").getAsLong());
        assertEquals(4, g.get("rateLimitedMessages").getAsLong());
        assertEquals("throttled", g.get("rateLimit").getAsString());
        assertTrue(g.has("stepBudget") && g.has("inputsCut"));
        assertEquals(List.of(), heard.stream().filter(s -> !s.startsWith("closed")).toList(),
                "looking is not a command");
    }

    @Test
    void theOperatorKicksAPlayerWhoIsToldWhy() {
        Room room = privateRoom();
        assertEquals("{\"ok\":true}", h.await(room.operator().kick(guest.playerId())).json());
        assertEquals("operator", guestConn.inner.last(Events.ROOM_KICKED).get("reason").getAsString());
        assertFalse(guest.active());
        assertEquals(1, room.members().seatCount());
        assertEquals(List.of("operator:kick by 0"), heard);
        CompletableFuture<RawJson> again = room.operator().kick(guest.playerId());
        h.tick();
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, again::join);
        assertEquals(ErrorCode.BAD_REQUEST, ((ProtocolException) e.getCause()).code());
    }

    @Test
    void theOperatorLocksAndUnlocksARoom() {
        Room room = privateRoom();
        h.await(room.operator().lock(true));
        assertTrue(room.isLocked());
        assertTrue(hostConn.last(Events.ROOM_UPDATE).get("locked").getAsBoolean(),
                "members see it");
        h.await(room.operator().lock(false));
        assertFalse(room.isLocked());
        assertEquals(List.of("operator:lock by 0", "operator:unlock by 0"), heard);
    }

    @Test
    void theOperatorsMessageReachesEveryMember() {
        Room room = privateRoom();
        h.await(room.operator().message("server restarts at noon"));
        for (FakeConnection c : List.of(hostConn, guestConn.inner)) {
            JsonObject n = c.last(Events.ROOM_NOTICE);
            assertEquals("operator", n.get("from").getAsString());
            assertEquals("server restarts at noon", n.get("text").getAsString());
        }
        assertEquals(List.of("operator:message by 0"), heard);
    }

    @Test
    void theOperatorClosesARoom() {
        Room room = privateRoom();
        h.await(room.operator().close());
        h.tick();
        assertTrue(room.isClosed());
        assertEquals("operator", hostConn.last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertTrue(heard.contains("closed operator"), heard.toString());
    }
}
