package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A seat token gives back exactly the seat it was issued for: never another player's dropped seat
 * (with its ship and score), in the same room or another, and nothing once the seat was taken away.
 * Several seats are dropped at once in every test, so that "any dropped seat" cannot pass for "this one".
 */
class SeatTokenTest {
    private final RoomHarness h = new RoomHarness();

    /** A seated player: its connection, membership and token. */
    private record Player(FakeConnection conn, Membership m, String token, int id) {}

    private Player seat(JoinResult r, FakeConnection c) {
        JsonObject you = JsonParser.parseString(r.ack().json()).getAsJsonObject().getAsJsonObject("you");
        assertEquals(r.membership().playerId(), you.get("id").getAsInt());
        return new Player(c, r.membership(), you.get("seatToken").getAsString(), r.membership().playerId());
    }

    private Player create(String name) {
        FakeConnection c = new FakeConnection();
        return seat(h.await(h.manager.create(c, name, Request.SettingsPatch.NONE)), c);
    }

    private Player join(Player host, String name) {
        FakeConnection c = new FakeConnection();
        return seat(h.await(h.manager.join(c, host.m().room().code(), name, null)), c);
    }

    private void drop(Player... players) {
        for (Player p : players) p.m().disconnected();
        h.tick();
    }

    private Player rejoin(Player p) {
        FakeConnection c = new FakeConnection();
        return seat(h.await(h.manager.rejoin(c, p.token())), c);
    }

    private ErrorCode rejoinFails(String token) {
        try {
            h.await(h.manager.rejoin(new FakeConnection(), token));
        } catch (ProtocolException e) {
            return e.code();
        } catch (CompletionException e) {
            return ((ProtocolException) e.getCause()).code();
        }
        throw new AssertionError("the rejoin was accepted");
    }

    /** The seat with this id is driven by this connection: inputs from it move that seat's ship. */
    private void assertDrives(Player back, int expectedId) {
        assertEquals(expectedId, back.id(), "the token's own seat");
        assertTrue(back.m().active());
        assertEquals(Integer.valueOf(expectedId), connectedIds(back).stream().filter(i -> i == expectedId).findFirst()
                .orElse(null));
    }

    /** Ids of the seats that have a connection, in join order, as the room tells this player. */
    private static java.util.List<Integer> connectedIds(Player any) {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        JsonObject room = any.conn().last(Events.ROOM_UPDATE); // what the room last told its members
        room.getAsJsonArray("players").forEach(p -> {
            if (p.getAsJsonObject().get("connected").getAsBoolean()) ids.add(p.getAsJsonObject().get("id").getAsInt());
        });
        return ids;
    }

    @Test
    void eachTokenTakesBackItsOwnSeatWhileSeveralAreDropped() {
        Player host = create("host");
        Player a = join(host, "a"), b = join(host, "b"), c = join(host, "c");
        drop(a, b, c);
        // Latest-dropped first, then the others: "the first dropped seat" would give a's seat to c.
        Player c2 = rejoin(c);
        assertDrives(c2, c.id());
        assertEquals(java.util.List.of(host.id(), c.id()), connectedIds(host), "a and b are still dropped");
        Player a2 = rejoin(a);
        assertDrives(a2, a.id());
        Player b2 = rejoin(b);
        assertDrives(b2, b.id());
        assertEquals(java.util.List.of(host.id(), a.id(), b.id(), c.id()), connectedIds(host));
        assertEquals(4, host.m().room().occupancy(), "no seat was added or lost");
    }

    @Test
    void aTokenNeverTakesAnotherDroppedSeatEvenWhenItsOwnSeatIsConnected() {
        Player host = create("host");
        Player a = join(host, "a"), b = join(host, "b");
        drop(a);
        // b is still connected: its token takes over its own seat (the old connection is told), not a's.
        Player b2 = rejoin(b);
        assertDrives(b2, b.id());
        assertEquals("replaced", b.conn().last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertTrue(a.conn().all(Events.ROOM_CLOSED).isEmpty());
        assertEquals(java.util.List.of(host.id(), b.id()), connectedIds(host), "a's seat is still dropped and kept");
        assertDrives(rejoin(a), a.id());
    }

    @Test
    void aTokenIsBoundToItsRoomAcrossRooms() {
        Player h1 = create("h1"), h2 = create("h2");
        Player a1 = join(h1, "a1"), b1 = join(h1, "b1");
        Player a2 = join(h2, "a2"), b2 = join(h2, "b2");
        assertNotSame(h1.m().room(), h2.m().room());
        drop(a1, b1, a2, b2);
        Player back2 = rejoin(b2);
        assertSame(h2.m().room(), back2.m().room());
        assertDrives(back2, b2.id());
        Player back1 = rejoin(a1);
        assertSame(h1.m().room(), back1.m().room());
        assertDrives(back1, a1.id());
        assertEquals(java.util.List.of(h1.id(), a1.id()), connectedIds(h1), "b1 still dropped");
        assertEquals(java.util.List.of(h2.id(), b2.id()), connectedIds(h2), "a2 still dropped");
    }

    @Test
    void aKickedPlayersTokenTakesNoSeatWhileOthersAreDropped() {
        Player host = create("host");
        Player a = join(host, "a"), b = join(host, "b"), c = join(host, "c");
        drop(a, b);
        h.await(host.m().kick(a.id()));
        assertEquals(ErrorCode.SEAT_EXPIRED, rejoinFails(a.token()), "the kicked seat is gone");
        assertEquals(java.util.List.of(host.id(), c.id()), connectedIds(host), "b's seat is still dropped and free");
        h.await(host.m().kick(c.id())); // kicked while connected
        assertEquals(ErrorCode.SEAT_EXPIRED, rejoinFails(c.token()));
        assertDrives(rejoin(b), b.id());
        assertEquals(ErrorCode.SEAT_EXPIRED, rejoinFails("not-a-token"));
        assertEquals(2, host.m().room().occupancy());
    }

    @Test
    void aSeatLeftOrExpiredIsNotTakenByItsTokenNorGivenToAnother() {
        Player host = create("host");
        Player a = join(host, "a"), b = join(host, "b");
        h.await(a.m().leave());
        drop(b);
        assertEquals(ErrorCode.SEAT_EXPIRED, rejoinFails(a.token()), "a left: its token is void, b's seat stays b's");
        assertDrives(rejoin(b), b.id());
    }
}
