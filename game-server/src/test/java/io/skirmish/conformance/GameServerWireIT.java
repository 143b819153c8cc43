package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The game server on the wire, with the conformance helpers ({@code Ws}, {@code Polling},
 * {@code RawHttp}) of socketio-transport's tests: its heartbeat and max payload, how it drops and
 * refuses clients, and how fast it stops. (These cases were in the conformance classes before the
 * transport became its own module; they start a {@link SkirmishServer} each.)
 */
class GameServerWireIT extends ConformanceBase {
    /** The game server on the wire: Node's heartbeat (25 s / 20 s) and its 16 KiB max payload. */
    @Test
    void theGameServerAdvertisesTheReferenceHeartbeatAndItsMaxPayload() {
        try (SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            JsonObject open = new Polling(game.port()).handshake();
            assertEquals(25_000, open.get("pingInterval").getAsInt());
            assertEquals(20_000, open.get("pingTimeout").getAsInt());
            assertEquals(16 * 1024, open.get("maxPayload").getAsInt());
            Ws w = track(Ws.connect(game.port(), "EIO=4&transport=websocket", false, Map.of()));
            JsonObject wsOpen = JsonParser.parseString(w.text().substring(1)).getAsJsonObject();
            assertEquals(25_000, wsOpen.get("pingInterval").getAsInt());
            assertEquals(20_000, wsOpen.get("pingTimeout").getAsInt());
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

    /** The game server: nothing reaches the game before a successful CONNECT to its namespace. */
    @Test
    void theGameSeesNoClientBeforeItsConnectAndNoEventsWithoutIt() {
        try (SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            Ws early = track(Ws.open(game.port(), true));
            Polling p = new Polling(game.port());
            String sid = p.open();
            assertEquals(0, game.connections(), "an Engine.IO session is not a game connection");
            early.send("420[\"room:quickplay\",{\"name\":\"sneaky\"}]");
            early.awaitClosed();
            p.push(sid, "420[\"room:quickplay\",{\"name\":\"sneaky\"}]");
            await().atMost(2, TimeUnit.SECONDS).until(() -> p.poll(sid).status() == 400);
            assertEquals(0, game.rooms().playerCount());
            assertEquals(0, game.connections());

            Ws player = track(Ws.open(game.port(), true));
            player.send("40");
            assertTrue(player.text().startsWith("40{"));
            await().atMost(2, TimeUnit.SECONDS).until(() -> game.connections() == 1);
            player.send("420[\"room:quickplay\",{\"name\":\"fair\"}]");
            String ack = player.textStartingWith("430[");
            assertTrue(ack.startsWith("430[{\"ok\":true"), ack);
            assertEquals(1, game.rooms().playerCount());
        }
    }

    @Test
    void theGameServerAcceptsClientsOnlyOnItsNamespace() {
        try (SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            Ws w = track(Ws.connect(game.port(), "EIO=4&transport=websocket", true, Map.of()));
            w.text();
            w.send("40/admin,");
            assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", w.text());
            assertEquals(0, game.connections());
        }
    }

    /** The game server (16 KiB max payload): bigger messages are refused on both transports. */
    @Test
    void messagesOverMaxPayloadAreRefused() {
        try (SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            String big = "42[\"input\",\"" + "x".repeat(17 * 1024) + "\"]";
            Ws w = track(Ws.open(game.port(), true));
            w.send("40");
            assertTrue(w.text().startsWith("40{"));
            w.send(big);
            // 1009 "message too big"; or a reset, when the server closes while the frame is still arriving
            if (w.awaitEnd() instanceof Ws.Closed c) {
                assertEquals(1009, c.status(), "closed as too big");
            }

            Polling p = new Polling(game.port());
            String sid = p.open();
            p.push(sid, "40");
            await().atMost(2, TimeUnit.SECONDS).until(() -> game.connections() == 1);
            assertEquals(413, p.send(sid, big).status());
            await().atMost(2, TimeUnit.SECONDS).until(() -> game.connections() == 0);
            assertEquals(400, p.poll(sid).status(), "the session ended");
        }
    }

    @Test
    void theGameServerStopsFast() throws Exception {
        SkirmishServer game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
        try (Ws ws = Ws.open(game.port(), true)) {
            ws.send("40");
            assertTrue(ws.text().startsWith("40{"));
            long begin = System.nanoTime();
            game.close();
            long ms = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(ms < 2_500, "stopped in " + ms + " ms (game threads included)");
            ws.awaitClosed();
        } finally {
            game.close();
        }
    }
}
