package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a polling session to WebSocket (official suite: "Engine.IO protocol / upgrade").
 * netty-socketio let a second WebSocket with the same sid replace the first one (a takeover) and kept
 * answering polls after the upgrade.
 */
@ConformanceBase.SlowHeartbeat
class EngineUpgradeIT extends ConformanceBase {

    /** A polling session connected to the main namespace, its CONNECT answer and auth event fetched. */
    private String pollingConnected() {
        String sid = polling.open();
        polling.push(sid, "40");
        List<String> packets = polling.receive(sid, 2);
        assertTrue(packets.get(0).startsWith("40{"));
        assertEquals("42[\"auth\",{}]", packets.get(1));
        return sid;
    }

    private Ws probe(String sid) {
        return track(Ws.connect(port, "EIO=4&transport=websocket&sid=" + sid, true, Map.of()));
    }

    @Test
    void aPollingSessionUpgradesToWebSocketAndCarriesOnThere() {
        String sid = pollingConnected();
        Ws w = probe(sid);
        w.send("2probe");
        assertEquals("3probe", w.text());
        w.send("5");
        w.send("42[\"message\",\"over the WebSocket\"]");
        assertEquals("42[\"message-back\",\"over the WebSocket\"]", w.text());
    }

    @Test
    void pollingRequestsAfterTheUpgradeAre400() {
        String sid = pollingConnected();
        Ws w = probe(sid);
        w.send("2probe");
        w.send("5");
        Polling.Res poll = polling.poll(sid); // may reach the server before the upgrade: then it waits and gets 400
        assertEquals("3probe", w.text());
        assertEquals(400, poll.status());
        assertEquals(3, poll.errorCode());
        assertEquals(400, polling.send(sid, "42[\"message\",\"late\"]").status());
        w.send("42[\"message\",\"still here\"]");
        assertEquals("42[\"message-back\",\"still here\"]", w.text());
    }

    @Test
    void aSecondWebSocketForAnUpgradedSessionIsClosedAndTakesNothingOver() {
        String sid = pollingConnected();
        Ws w = probe(sid);
        w.send("2probe");
        assertEquals("3probe", w.text());
        w.send("5");
        Ws intruder = track(Ws.connect(port, "EIO=4&transport=websocket&sid=" + sid, false, Map.of()));
        intruder.awaitClosed();
        w.send("42[\"message\",\"mine\"]");
        assertEquals("42[\"message-back\",\"mine\"]", w.text(), "the session stays with the first WebSocket");
    }

    @Test
    void aWebSocketForASessionThatStartedOnWebSocketIsClosed() {
        Ws w = track(Ws.connected(port, true));
        String sid = w.openPacket.substring(w.openPacket.indexOf("\"sid\":\"") + 7).split("\"")[0];
        Ws intruder = track(Ws.connect(port, "EIO=4&transport=websocket&sid=" + sid, false, Map.of()));
        intruder.awaitClosed();
        w.send("42[\"message\",\"mine\"]");
        assertEquals("42[\"message-back\",\"mine\"]", w.text());
    }

    @Test
    void theWaitingPollIsReleasedDuringTheUpgradeAndQueuedPacketsMoveToTheWebSocket() throws Exception {
        String sid = pollingConnected();
        CompletableFuture<Polling.Res> waiting = polling.pollAsync(sid);
        Ws w = probe(sid);
        w.send("2probe");
        assertEquals("3probe", w.text());
        Polling.Res released = waiting.get(2, TimeUnit.SECONDS);
        assertEquals(200, released.status());
        assertEquals("6", released.body(), "a noop lets the client pause polling");
        // still polling until the upgrade: what is sent now waits and then goes over the WebSocket
        polling.push(sid, "42[\"message\",\"queued\"]");
        w.send("5");
        assertEquals("42[\"message-back\",\"queued\"]", w.textSkippingPings());
    }

    @Test
    void anInvalidPacketOnTheProbeClosesOnlyTheProbe() {
        String sid = pollingConnected();
        Ws w = probe(sid);
        w.send("42[\"message\",\"too early\"]");
        w.awaitClosed();
        polling.push(sid, "42[\"message\",\"polling goes on\"]");
        assertEquals(List.of("42[\"message-back\",\"polling goes on\"]"), polling.receive(sid, 1));
    }
}
