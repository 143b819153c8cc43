package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client never chooses its session id. With netty-socketio's {@code randomSession=false} a client
 * could name a live player's session in an {@code io} header or cookie and take it over (it received
 * the victim's broadcasts, the victim stopped receiving them); a second WebSocket with a victim's sid
 * replaced the victim's.
 */
class SessionTakeoverIT extends ConformanceBase {

    private static String sid(String openPacket) {
        return JsonParser.parseString(openPacket.substring(1)).getAsJsonObject().get("sid").getAsString();
    }

    @Test
    void noHeaderCookieOrParameterLetsAClientPickAnotherClientsSession() {
        Ws victim = connected();
        String victimSid = sid(victim.openPacket);
        List<Map<String, String>> attempts = List.of(
                Map.of("io", victimSid),
                Map.of("Cookie", "io=" + victimSid),
                Map.of("Cookie", "io=" + victimSid + "; sid=" + victimSid),
                Map.of("io", victimSid, "Cookie", "io=" + victimSid),
                Map.of("sid", victimSid));
        for (Map<String, String> headers : attempts) {
            String[] flat = headers.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
            String pollingSid = polling.handshake(flat).get("sid").getAsString();
            assertNotEquals(victimSid, pollingSid, "polling with " + headers);
            Ws ws = track(Ws.connect(port, "EIO=4&transport=websocket", true, headers));
            assertNotEquals(victimSid, sid(ws.text()), "WebSocket with " + headers);
        }
        String withParam = polling.get("EIO=4&transport=polling&io=" + victimSid).body();
        assertNotEquals(victimSid, sid(withParam));

        victim.send("42[\"message\",\"still mine\"]");
        assertEquals("42[\"message-back\",\"still mine\"]", victim.text());
    }

    @Test
    void aWebSocketSessionCannotBeJoinedByWebSocketOrPolling() {
        Ws victim = connected();
        String victimSid = sid(victim.openPacket);
        Ws intruder = track(Ws.connect(port, "EIO=4&transport=websocket&sid=" + victimSid, false, Map.of()));
        intruder.awaitClosed();
        assertEquals(400, polling.poll(victimSid).status());
        assertEquals(400, polling.send(victimSid, "42[\"message\",\"injected\"]").status());
        victim.send("42[\"message\",\"still mine\"]");
        assertEquals("42[\"message-back\",\"still mine\"]", victim.text(), "and nothing injected came first");
    }
}
