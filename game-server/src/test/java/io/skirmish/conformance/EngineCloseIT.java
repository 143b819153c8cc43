package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
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

    @Test
    void aWebSocketCloseClosesTheConnection() {
        Ws w = ws();
        w.send("1");
        w.awaitClosed();
    }

    @Test
    void invalidEnginePacketsCloseTheWebSocket() {
        for (String bad : new String[] {"7", "x", "", "0", "5", "6probe"}) {
            Ws w = ws();
            w.send(bad);
            if (bad.equals("6probe")) {
                // a noop with data is still a noop: harmless, the session goes on
                w.send("40");
                assertTrue(w.text().startsWith("40{"));
                continue;
            }
            w.awaitClosed();
        }
    }

    @Test
    void invalidEnginePacketsEndThePollingSession() {
        for (String bad : new String[] {"7", "x", "3\u001e\u001e3", "bnot-base64!", "0"}) {
            String sid = polling.open();
            assertEquals(200, polling.send(sid, bad).status());
            await().atMost(2, TimeUnit.SECONDS).until(() -> polling.poll(sid).status() == 400);
        }
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

    /** On the game server (ping timeout 20 s): a polling client that goes away is gone at once. */
    @Test
    void aPollingClientWhoseConnectionDropsIsRemovedAtOnceAndNothingLeaks() throws Exception {
        try (SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            Polling p = new Polling(game.port());
            List<String> sids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String sid = p.open();
                sids.add(sid);
                p.push(sid, "40");
                assertTrue(p.poll(sid).body().startsWith("40{"));
                if (i % 2 == 0) {
                    p.push(sid, "1"); // closes politely
                } else {
                    try (RawHttp waiting = new RawHttp(game.port())) { // drops its waiting poll
                        waiting.write("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, null);
                    }
                }
                await().atMost(2, TimeUnit.SECONDS).until(() -> game.connections() == 0);
            }
            for (String sid : sids) {
                assertEquals(400, p.poll(sid).status(), "session " + sid + " is gone");
            }
        }
    }
}
