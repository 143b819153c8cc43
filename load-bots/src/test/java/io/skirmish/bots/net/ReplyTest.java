package io.skirmish.bots.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void anAckIsOkUnlessItSaysOkFalse() {
        Reply ok = Reply.of(new Object[] {new JSONObject(Map.of("t", 5, "serverTime", 7))}, 99);
        assertEquals(7, ((Reply.Ok) ok).body().get("serverTime").getAsLong());
        assertEquals(99, ((Reply.Ok) ok).receivedNanos());
        assertInstanceOf(Reply.Ok.class, Reply.of(new Object[0], 1));
    }

    @Test
    void aRefusalCarriesItsCode() {
        JSONObject error = new JSONObject(Map.of("code", "ROOM_FULL", "message", "full"));
        Reply r = Reply.of(new Object[] {new JSONObject(Map.of("ok", false, "error", error))}, 1);
        assertEquals(new Reply.Failed("ROOM_FULL", "full"), r);
        assertEquals("BAD_ACK", ((Reply.Failed) Reply.of(new Object[] {new JSONObject(Map.of("ok", false))}, 1)).code());
    }

    @Test
    void movedCarriesWhereToGoAndTheReservation() {
        JSONObject error = new JSONObject(Map.of("code", "MOVED", "message", "the room is on another node"));
        JSONObject to = new JSONObject(Map.of("url", "http://10.0.0.6:3000", "reservation", "q8Zr1234567890ab"));
        Reply r = Reply.of(new Object[] {new JSONObject(Map.of("ok", false, "error", error, "moveTo", to))}, 1);
        assertEquals(new Reply.Moved("http://10.0.0.6:3000", "q8Zr1234567890ab"), r);
        JSONObject spectate = new JSONObject(Map.of("url", "http://10.0.0.6:3000"));
        assertEquals(new Reply.Moved("http://10.0.0.6:3000", null),
                Reply.of(new Object[] {new JSONObject(Map.of("ok", false, "error", error, "moveTo", spectate))}, 1));
        // MOVED without a place to go is a refusal like any other
        assertEquals(new Reply.Failed("MOVED", "the room is on another node"),
                Reply.of(new Object[] {new JSONObject(Map.of("ok", false, "error", error))}, 1));
    }
}
