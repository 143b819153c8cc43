package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO v4 handshake (official suite: "Engine.IO protocol / handshake"). netty-socketio sent no
 * {@code maxPayload}, answered 200 to a missing or invalid {@code EIO}, transport or method, and 500
 * to an unknown sid.
 */
class EngineHandshakeIT extends ConformanceBase {

    private static void assertOpenPacket(JsonObject open, JsonArray upgrades) {
        assertEquals(Set.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"), open.keySet());
        assertTrue(open.get("sid").isJsonPrimitive() && open.get("sid").getAsJsonPrimitive().isString());
        assertEquals(upgrades, open.getAsJsonArray("upgrades"));
        assertEquals(300, open.get("pingInterval").getAsInt());
        assertEquals(200, open.get("pingTimeout").getAsInt());
        assertEquals(1_000_000, open.get("maxPayload").getAsInt());
    }

    @Test
    void pollingHandshakeOpensASessionWithEveryField() {
        Polling.Res r = polling.get("EIO=4&transport=polling");
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("0{"), r.body());
        assertTrue(r.raw().headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        JsonArray upgrades = new JsonArray();
        upgrades.add("websocket");
        assertOpenPacket(JsonParser.parseString(r.body().substring(1)).getAsJsonObject(), upgrades);
        assertNotEquals(polling.open(), polling.open(), "every session gets its own id");
    }

    @Test
    void missingOrInvalidEioIs400WithCode5() {
        for (String q : new String[] {"transport=polling", "EIO=abc&transport=polling", "EIO=3&transport=polling",
                "EIO=&transport=polling"}) {
            Polling.Res r = polling.get(q);
            assertEquals(400, r.status(), q);
            assertEquals(5, r.errorCode(), q);
            assertEquals("Unsupported protocol version", r.json().get("message").getAsString());
        }
    }

    @Test
    void missingOrInvalidTransportIs400WithCode0() {
        for (String q : new String[] {"EIO=4", "EIO=4&transport=abc", "EIO=4&transport=constructor",
                "EIO=4&transport=POLLING"}) {
            Polling.Res r = polling.get(q);
            assertEquals(400, r.status(), q);
            assertEquals(0, r.errorCode(), q);
            assertEquals("Transport unknown", r.json().get("message").getAsString());
        }
    }

    @Test
    void aHandshakeIsAGetOtherMethodsAre400WithCode2() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            Polling.Res r = polling.request(method, "EIO=4&transport=polling", method.equals("DELETE") ? null : "40");
            assertEquals(400, r.status(), method);
            assertEquals(2, r.errorCode(), method);
        }
    }

    @Test
    void webSocketHandshakeOpensASessionWithNoUpgrades() {
        Ws w = wsRaw("EIO=4&transport=websocket");
        String open = w.text();
        assertTrue(open.startsWith("0{"), open);
        assertOpenPacket(JsonParser.parseString(open.substring(1)).getAsJsonObject(), new JsonArray());
        assertEquals("2", w.text(), "nothing but the first ping follows the open packet");
    }

    @Test
    void webSocketWithMissingOrInvalidEioIsRefused() {
        assertEquals(400, Ws.refusedStatus(port, "transport=websocket"));
        assertEquals(400, Ws.refusedStatus(port, "EIO=abc&transport=websocket"));
    }

    @Test
    void webSocketWithMissingOrInvalidTransportIsRefused() {
        assertEquals(400, Ws.refusedStatus(port, "EIO=4"));
        assertEquals(400, Ws.refusedStatus(port, "EIO=4&transport=abc"));
        assertEquals(400, Ws.refusedStatus(port, "EIO=4&transport=polling"), "polling is not a WebSocket transport");
    }

    @Test
    void theWebSocketTransportWithoutAnUpgradeIs400WithCode3() {
        Polling.Res r = polling.get("EIO=4&transport=websocket");
        assertEquals(400, r.status());
        assertEquals(3, r.errorCode());
    }

    @Test
    void anUnknownSidIs400WithCode1NotAServerError() {
        for (String sid : new String[] {"nope", "00000000-0000-0000-0000-000000000000", "%00", ""}) {
            Polling.Res get = polling.poll(sid);
            Polling.Res post = polling.send(sid, "3");
            if (sid.isEmpty()) {
                // "sid=" is a handshake attempt by GET and a bad handshake method by POST
                assertEquals(200, get.status());
                assertEquals(400, post.status());
                continue;
            }
            assertEquals(400, get.status(), sid);
            assertEquals(1, get.errorCode(), sid);
            assertEquals("Session ID unknown", get.json().get("message").getAsString());
            assertEquals(400, post.status(), sid);
            assertEquals(1, post.errorCode(), sid);
        }
        assertEquals(400, Ws.refusedStatus(port, "EIO=4&transport=websocket&sid=nope"));
    }

    @Test
    void corsPreflightAndHeadersFollowTheReferenceConfiguration() {
        Polling.Res pre = polling.request("OPTIONS", "EIO=4&transport=polling", null,
                "Origin", "http://example.test", "Access-Control-Request-Method", "POST");
        assertEquals(204, pre.status());
        assertEquals("*", pre.raw().headers().firstValue("access-control-allow-origin").orElse(null));
        Polling.Res r = polling.get("EIO=4&transport=polling", "Origin", "http://example.test");
        assertEquals("*", r.raw().headers().firstValue("access-control-allow-origin").orElse(null));
    }

}
