package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connecting to namespaces (official suite: "Socket.IO protocol / connect") and the gate in front of
 * them. netty-socketio joined the main namespace when the transport bound, before any CONNECT; a
 * client whose auth was refused stayed a member (it could emit, join rooms, receive broadcasts);
 * unknown namespaces were answered with a bare string.
 */
class SocketIoConnectIT extends ConformanceBase {

    private static JsonObject connectAnswer(String packet, String prefix) {
        assertTrue(packet.startsWith(prefix), packet);
        JsonObject o = JsonParser.parseString(packet.substring(prefix.length())).getAsJsonObject();
        assertEquals(Set.of("sid"), o.keySet());
        return o;
    }

    private static String engineSid(Ws w) {
        return JsonParser.parseString(w.openPacket.substring(1)).getAsJsonObject().get("sid").getAsString();
    }

    @Test
    void connectingToTheMainNamespace() {
        Ws w = wsPonging();
        w.send("40");
        JsonObject ok = connectAnswer(w.text(), "40");
        assertNotEquals(engineSid(w), ok.get("sid").getAsString(), "the socket id is not the Engine.IO session id");
        assertEquals("42[\"auth\",{}]", w.text());
    }

    @Test
    void connectingToTheMainNamespaceWithAPayload() {
        Ws w = wsPonging();
        w.send("40{\"token\":\"123\"}");
        connectAnswer(w.text(), "40");
        assertEquals("42[\"auth\",{\"token\":\"123\"}]", w.text());
    }

    @Test
    void connectingToACustomNamespace() {
        Ws w = wsPonging();
        w.send("40/custom,");
        connectAnswer(w.text(), "40/custom,");
        assertEquals("42/custom,[\"auth\",{}]", w.text());
    }

    @Test
    void connectingToACustomNamespaceWithAPayload() {
        Ws w = wsPonging();
        w.send("40/custom,{\"token\":\"abc\"}");
        connectAnswer(w.text(), "40/custom,");
        assertEquals("42/custom,[\"auth\",{\"token\":\"abc\"}]", w.text());
    }

    @Test
    void anUnknownNamespaceIsRefusedWithAMessageObjectAndTheConnectionStays() {
        Ws w = wsPonging();
        w.send("40/random");
        assertEquals("44/random,{\"message\":\"Invalid namespace\"}", w.text());
        w.send("40");
        connectAnswer(w.text(), "40");
    }

    /*
     * The sessions below have joined the main namespace first (which cancels the 1 s connect timeout) and
     * answer pings, so only what the test sends can close them, within VIOLATION_CLOSE.
     */

    @Test
    void anInvalidSocketIoPacketTypeClosesAJoinedSession() {
        Ws w = connected();
        w.send("4abc");
        w.awaitClosedWithin(VIOLATION_CLOSE);
    }

    @Test
    void aSessionThatConnectsToNoNamespaceIsClosedAfterTheConnectTimeout() {
        Ws w = wsPonging(); // answers pings, so only the connect timeout (1 s) can close it
        long begin = System.nanoTime();
        w.awaitClosed();
        long ms = (System.nanoTime() - begin) / 1_000_000;
        // The open packet was read before `begin`, so the timeout (from the open) is at most 1,000 ms away.
        assertTrue(ms >= 900 && ms < 1_500, "closed after " + ms + " ms (connect timeout 1 s)");
    }

    @Test
    void invalidConnectPayloadsCloseAJoinedSession() {
        for (String bad : new String[] {"40/custom,[1]", "40/custom,\"token\"", "40/custom,{", "40/custom,{}x",
                "40/custom,{}{}"}) {
            Ws w = connected();
            w.send(bad);
            w.awaitClosedWithin(VIOLATION_CLOSE);
        }
    }

    @Test
    void aSecondConnectToTheSameNamespaceClosesTheConnection() {
        Ws w = connected();
        w.send("40");
        w.awaitClosedWithin(VIOLATION_CLOSE);
    }

    @Test
    void packetsForANamespaceTheClientHasNotConnectedToCloseAJoinedSession() {
        for (String early : new String[] {"42/custom,[\"message\",1]", "41/custom,", "43/custom,[1]",
                "451-/custom,[\"message\",{\"_placeholder\":true,\"num\":0}]", "44/custom,{\"message\":\"x\"}"}) {
            Ws w = connected();
            w.send(early);
            if (early.startsWith("45")) {
                w.send(new byte[] {1});
            }
            w.awaitClosedWithin(VIOLATION_CLOSE);
        }
    }

    @Test
    void aRefusedClientIsNoMemberItCannotEmitNorReceiveBroadcasts() {
        Ws member = wsPonging();
        member.send("40/secure,{\"token\":\"secret\"}");
        connectAnswer(member.text(), "40/secure,");

        Ws refused = wsPonging();
        refused.send("40/secure,{\"token\":\"guess\"}");
        assertEquals("44/secure,{\"message\":\"unauthorized\"}", refused.text());
        refused.send("40/secure");
        assertEquals("44/secure,{\"message\":\"unauthorized\"}", refused.text(), "no payload is no token");

        member.send("42/secure,[\"shout\",\"hello\"]");
        assertEquals("42/secure,[\"shout-back\",\"hello\"]", member.text());
        // Had the refused client been a member, the broadcast would be queued before this answer.
        refused.send("40/custom,");
        connectAnswer(refused.text(), "40/custom,");
        assertEquals("42/custom,[\"auth\",{}]", refused.text());

        refused.send("42/secure,[\"shout\",\"intruder\"]");
        refused.awaitClosedWithin(VIOLATION_CLOSE);
        member.send("42/secure,[\"message\",\"next\"]");
        assertEquals("42/secure,[\"message-back\",\"next\"]", member.text(), "nothing from the refused client came");
    }

}
