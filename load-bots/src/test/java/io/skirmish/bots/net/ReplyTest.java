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
}
