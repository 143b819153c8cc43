package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Engine.IO v4 heartbeat (official suite: "Engine.IO protocol / heartbeat"): the server pings every
 * {@code pingInterval} after the last pong and closes a session whose pong is {@code pingTimeout} late.
 */
class EngineHeartbeatIT extends ConformanceBase {

    @Test
    void pollingSessionsArePingedAndKeptAliveByPongs() {
        String sid = polling.open();
        // Joined first, so the 1 s connect timeout of a session in no namespace cannot end it on a slow
        // machine: only the heartbeat decides.
        polling.push(sid, "40");
        assertTrue(polling.receive(sid, 2).get(0).startsWith("40{")); // the connect and the server's "auth" echo
        for (int i = 0; i < 3; i++) {
            Polling.Res poll = polling.poll(sid);
            assertEquals(200, poll.status());
            assertEquals("2", poll.body());
            polling.push(sid, "3");
        }
        // three rounds took longer than interval + timeout (500 ms): the pongs kept the session alive
    }

    @Test
    void aConnectedPollingSessionLivesAsLongAsItAnswersPings() {
        String sid = polling.open();
        polling.push(sid, "40");
        assertTrue(polling.receive(sid, 2).get(0).startsWith("40{"));
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < 1_500_000_000L) {
            Polling.Res poll = polling.poll(sid);
            assertEquals(200, poll.status());
            assertEquals("2", poll.body());
            polling.push(sid, "3");
        }
    }

    @Test
    void aPollingSessionThatDoesNotAnswerThePingIsClosed() {
        String sid = polling.open();
        assertEquals("2", polling.poll(sid).body());
        Polling.Res afterTimeout = polling.poll(sid); // waits: no pong, so the ping timeout closes the session
        assertEquals(200, afterTimeout.status());
        assertEquals("1", afterTimeout.body(), "the waiting poll is told with a close packet");
        Polling.Res gone = polling.poll(sid);
        assertEquals(400, gone.status());
        assertEquals(1, gone.errorCode());
    }

    @Test
    void webSocketSessionsArePingedAndKeptAliveByPongs() {
        Ws w = ws();
        w.send("40"); // joined, as above: only the heartbeat decides
        List<String> got = new ArrayList<>(); // the connect and the server's "auth" echo, pings answered
        while (got.size() < 2) {
            String t = w.text();
            if (t.equals("2")) {
                w.send("3");
            } else {
                got.add(t);
            }
        }
        assertTrue(got.get(0).startsWith("40{"), got.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals("2", w.text());
            w.send("3");
        }
    }

    @Test
    void aConnectedWebSocketSessionLivesAsLongAsItAnswersPings() {
        Ws w = ws();
        w.send("40");
        assertTrue(w.text().startsWith("40{"));
        assertEquals("42[\"auth\",{}]", w.text());
        long begin = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals("2", w.text());
            w.send("3");
        }
        assertTrue(System.nanoTime() - begin >= 1_200_000_000L, "five pings span more than the connect timeout");
        assertEquals("2", w.text(), "still alive, still pinged");
    }

    @Test
    void aWebSocketSessionThatDoesNotAnswerThePingIsClosed() {
        Ws w = ws();
        long opened = System.nanoTime();
        assertEquals("2", w.text());
        long pinged = System.nanoTime();
        // How late this machine runs the server's timers now: the ping was due 300 ms after the open.
        long lateMs = Math.max(0, (pinged - opened) / 1_000_000 - 300);
        w.awaitClosed();
        long ms = (System.nanoTime() - pinged) / 1_000_000;
        // Due 200 ms after the ping (EngineSessionTest pins that on a manual clock); here the bound is the
        // next heartbeat: a close at or after interval + timeout (500 ms) would be one cycle late.
        // (The ping may reach the client late, and the deadline counts from when it was due: hence the low
        // lower bound; 0 would mean no pong timeout at all.)
        assertTrue(ms >= 50 && ms < 450 + lateMs, "closed " + ms + " ms after the ping (timeout 200 ms; timers "
                + lateMs + " ms late)");
    }

    // A ping from the client is a protocol error: EngineCloseIT checks it on a joined session, with a slow
    // heartbeat, so that only the ping can be what closes it.
}
