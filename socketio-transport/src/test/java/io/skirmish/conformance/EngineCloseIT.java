package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing (official suite: "Engine.IO protocol / close") and what must close a connection, plus the
 * polling transport's connection handling. netty-socketio ignored close packets and unknown packet
 * types, closed the TCP connection after every poll while announcing keep-alive, and kept closed
 * polling sessions until the ping timeout (some for good).
 */
@ConformanceBase.SlowHeartbeat // so that only what a test does can close a session
class EngineCloseIT extends ConformanceBase {

    /**
     * Whether the poll reaches the server before the close (two connections) is not up to the client;
     * both orders are legal, so this repeats until it saw a waiting poll answered (almost always at once).
     */
    @Test
    void aPollingCloseAnswersTheWaitingPollWithANoopAndEndsTheSession() throws Exception {
        boolean sawWaitingPoll = false;
        for (int attempt = 0; attempt < 10 && !sawWaitingPoll; attempt++) {
            String sid = polling.open();
            try (RawHttp poll = new RawHttp(port)) {
                poll.write("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, null); // waits for data
                polling.handshake(); // a round trip through the server, after which the poll is almost surely there
                polling.push(sid, "1");
                RawHttp.Response r = poll.read();
                if (r.status() == 200) {
                    assertEquals("6", r.body());
                    sawWaitingPoll = true;
                } else {
                    assertEquals(400, r.status(), "the close came first: the poll finds no session");
                }
            }
            assertEquals(400, polling.poll(sid).status());
        }
        assertTrue(sawWaitingPoll);
    }

    /*
     * In the tests below the session has joined the main namespace first, so the 1 s connect timeout is
     * cancelled, and the heartbeat is slow (5 s): only what the test sends can close it, and it must
     * within VIOLATION_CLOSE. (Sessions in no namespace would be closed by the connect timeout anyway.)
     */

    @Test
    void aWebSocketClosePacketClosesAJoinedSession() {
        Ws w = connected();
        w.send("1");
        assertEquals(1000, w.awaitClosedWithin(VIOLATION_CLOSE).status(), "a normal closure");
    }

    /**
     * A client ping (the server pings in Engine.IO v4; only the upgrade probe may be a client ping), an
     * open, an upgrade outside a probe, an unknown type, an empty frame: each closes the connection, as
     * the reference server does.
     */
    @Test
    void invalidEnginePacketsCloseAJoinedWebSocketSession() {
        for (String bad : new String[] {"2", "2probe", "0", "0{}", "5", "7", "x", ""}) {
            Ws w = connected();
            w.send(bad);
            Ws.Closed c = w.awaitClosedWithin(VIOLATION_CLOSE);
            assertEquals(1000, c.status(), "packet '" + bad + "'");
        }
    }

    @Test
    void aNoopWithDataIsHarmlessOnAJoinedSession() {
        Ws w = connected();
        w.send("6probe");
        w.send("42[\"message\",1]");
        assertEquals("42[\"message-back\",1]", w.text(), "the session goes on");
    }

    @Test
    void invalidEnginePacketsEndAJoinedPollingSession() {
        for (String bad : new String[] {"2", "0", "5", "7", "x", "3\u001e\u001e3", "bnot-base64!"}) {
            String sid = joinedPolling();
            assertEquals(200, polling.send(sid, bad).status());
            polling.awaitSessionEnd(sid, VIOLATION_CLOSE);
        }
    }

    @Test
    void aPollingClosePacketEndsAJoinedSession() {
        String sid = joinedPolling();
        polling.push(sid, "1");
        assertEquals(Polling.End.UNKNOWN_SESSION, polling.awaitSessionEnd(sid, VIOLATION_CLOSE));
    }

    /** A polling session that has joined the main namespace (its CONNECT answer and auth event read). */
    private String joinedPolling() {
        String sid = polling.open();
        polling.push(sid, "40");
        List<String> got = polling.receive(sid, 2);
        assertTrue(got.get(0).startsWith("40{"), got.toString());
        return sid;
    }

    @Test
    void overlappingPollsAreRefusedAndEndTheSession() throws Exception {
        String sid = polling.open();
        try (RawHttp first = new RawHttp(port)) {
            first.write("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, null);
            Polling.Res second = polling.poll(sid);
            if (second.status() == 200) {
                // the second one arrived first: then the first one is the overlapping one
                RawHttp.Response r = first.read();
                assertEquals(400, r.status());
            } else {
                assertEquals(400, second.status());
                assertEquals("1", first.read().body(), "the waiting poll learns the session closed");
            }
        }
        assertEquals(400, polling.poll(sid).status());
    }

    @Test
    void pollingKeepsTheConnectionOpenAcrossRequests() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response open = http.exchange("GET", Polling.PATH + "?EIO=4&transport=polling", null);
            assertEquals(200, open.status());
            assertFalse("close".equalsIgnoreCase(open.headers().get("connection")));
            String sid = open.body().substring(open.body().indexOf("\"sid\":\"") + 7).split("\"")[0];
            RawHttp.Response post = http.exchange("POST", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, "40");
            assertEquals("ok", post.body());
            RawHttp.Response poll = http.exchange("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, null);
            String[] packets = Polling.packets(poll.body());
            assertTrue(packets[0].startsWith("40{\"sid\":"), poll.body());
            assertEquals("42[\"auth\",{}]", packets[1]);
            assertFalse(http.closedByServer(), "the connection stays open after a poll");
            RawHttp.Response again = http.exchange("POST", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, "1");
            assertEquals(200, again.status());
        }
    }

}
