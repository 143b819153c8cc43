package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The game protocol end to end: a real server on a free port, real io.socket clients. */
class GameServerIT {
    @RegisterExtension
    static final TestServer server = new TestServer();

    static TestClient client(String... transports) throws Exception {
        return server.client(transports);
    }

    static String errorCode(JsonObject ack) {
        assertFalse(ack.get("ok").getAsBoolean(), "expected a failed ack: " + ack);
        return ack.getAsJsonObject("error").get("code").getAsString();
    }

    static JsonObject ok(JsonObject ack) {
        assertTrue(ack.get("ok").getAsBoolean(), "expected ok: " + ack);
        return ack;
    }

    @Test
    void quickPlayPutsTwoClientsInOneRoomWithDistinctIdsThatAreNotSessionIds() throws Exception {
        TestClient a = client(), b = client();
        JsonObject ra = ok(a.call("room:quickplay", "{\"name\":\"Alice\"}"));
        JsonObject rb = ok(b.call("room:quickplay", "{\"name\":\"Bob\"}"));
        String roomA = ra.getAsJsonObject("room").get("id").getAsString();
        assertEquals(roomA, rb.getAsJsonObject("room").get("id").getAsString());
        int idA = ra.getAsJsonObject("you").get("id").getAsInt();
        int idB = rb.getAsJsonObject("you").get("id").getAsInt();
        assertNotEquals(idA, idB);
        assertNotEquals(a.socket.id(), String.valueOf(idA));
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.last("room:update") != null
                && a.last("room:update").getAsJsonArray("players").toString().contains("\"name\":\"Bob\""));
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.me(idB) != null);
    }

    @Test
    void createThenJoinByCodeAndWrongCodeAndFullRoom() throws Exception {
        TestClient host = client(), friend = client(), late = client(), guesser = client();
        JsonObject created = ok(host.call("room:create", "{\"name\":\"Host\",\"settings\":{\"maxPlayers\":2}}"));
        JsonObject room = created.getAsJsonObject("room");
        String code = room.get("code").getAsString();
        assertTrue(room.get("private").getAsBoolean());
        assertTrue(code.matches("[A-Z2-9]{5}"));
        JsonObject joined = ok(friend.call("room:join", "{\"code\":\"" + code.toLowerCase() + "\",\"name\":\"Friend\"}"));
        assertEquals(room.get("id"), joined.getAsJsonObject("room").get("id"));
        assertEquals("ROOM_FULL", errorCode(late.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"Late\"}")));
        String wrong = code.equals("AAAAA") ? "BBBBB" : "AAAAA";
        assertEquals("ROOM_NOT_FOUND", errorCode(guesser.call("room:join", "{\"code\":\"" + wrong + "\",\"name\":\"G\"}")));
        assertEquals("BAD_REQUEST", errorCode(guesser.call("room:join", "{\"code\":\"!!\",\"name\":\"G\"}")));
    }

    @Test
    void snapshotsArriveAtTheTickRate() throws Exception {
        TestClient a = client();
        ok(a.call("room:quickplay", "{\"name\":\"Rate\"}"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() >= 5);
        double skippedBefore = PromMetrics.scrape(server.port).sum("skirmish_skipped_ticks_total");
        int from = a.got("snapshot").size() - 1;
        await().atMost(10, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() >= from + 61);
        List<TestClient.Received> window = List.copyOf(a.got("snapshot")).subList(from, from + 61); // a copy: it grows
        // One snapshot every tick (snapshot rate = tick rate), none skipped or repeated: exact, whatever the load.
        for (int i = 1; i < window.size(); i++) {
            assertEquals(window.get(i - 1).body().get("tick").getAsLong() + 1, window.get(i).body().get("tick").getAsLong(),
                    "consecutive ticks");
        }
        // By the server's own clock (each snapshot's "time"), the room ticks at 30 Hz: never faster, and any
        // shortfall is ticks the loop declared skipped (a starved machine), not ticks silently lost. The
        // client's arrival times jitter with the load, so they are not the measure.
        long serverMs = window.get(60).body().get("time").getAsLong() - window.get(0).body().get("time").getAsLong();
        double due = 30 * serverMs / 1e3;
        double skipped = PromMetrics.scrape(server.port).sum("skirmish_skipped_ticks_total") - skippedBefore;
        assertTrue(60 <= due * 1.1 + 1, "60 ticks in " + serverMs + " ms of server time: faster than 30 Hz");
        assertTrue(60 + skipped >= due * 0.9, "60 ticks and " + skipped + " skipped in " + serverMs + " ms: the loop lost ticks");
        JsonObject s = a.last("snapshot");
        assertTrue(s.has("tick") && s.has("time") && s.has("players") && s.has("shots"));
    }

    @Test
    void anInputMovesThePlayerAndItsSeqComesBack() throws Exception {
        TestClient a = client();
        JsonObject r = ok(a.call("room:quickplay", "{\"name\":\"Mover\"}"));
        int id = r.getAsJsonObject("you").get("id").getAsInt();
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.me(id) != null);
        double x0 = a.me(id).get("x").getAsDouble();
        double dir = x0 < 800 ? 1 : -1;
        for (int seq = 1; seq <= 15; seq++) {
            // One input per snapshot, as a client paced by the tick rate sends them.
            int seen = a.got("snapshot").size();
            a.emit("input", "{\"seq\":" + seq + ",\"moveX\":" + dir + ",\"moveY\":0,\"aim\":0,\"fire\":false}");
            await().atMost(2, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() > seen);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.me(id).get("seq").getAsInt() == 15);
        double x1 = a.me(id).get("x").getAsDouble();
        assertTrue(Math.abs(x1 - x0) > 30, "moved from " + x0 + " to " + x1);
        assertEquals(x0 < 800, x1 > x0, "moveX +1 moves towards +x");
    }

    @Test
    void badInputIsRefusedWithAnErrorEventAndTheRoomGoesOn() throws Exception {
        TestClient a = client();
        JsonObject r = ok(a.call("room:quickplay", "{\"name\":\"Bad\"}"));
        int id = r.getAsJsonObject("you").get("id").getAsInt();
        a.emit("input", "{\"seq\":1,\"moveX\":5,\"moveY\":0,\"aim\":0,\"fire\":false}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.last("server:error") != null);
        assertEquals("BAD_REQUEST", a.last("server:error").get("code").getAsString());
        assertEquals("BAD_REQUEST", errorCode(a.call("room:quickplay", "{\"name\":\"\"}")));
        a.emit("input", "{\"seq\":2,\"moveX\":0,\"moveY\":1,\"aim\":0,\"fire\":false}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.me(id).get("seq").getAsInt() == 2);
    }

    @Test
    void leavingRemovesThePlayer() throws Exception {
        TestClient a = client(), b = client();
        JsonObject ra = ok(a.call("room:quickplay", "{\"name\":\"Stay\"}"));
        JsonObject rb = ok(b.call("room:quickplay", "{\"name\":\"Go\"}"));
        int idB = rb.getAsJsonObject("you").get("id").getAsInt();
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.me(idB) != null);
        ok(b.call("room:leave", "{}"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() > 0 && a.me(idB) == null);
        assertEquals("NOT_IN_ROOM", errorCode(b.call("room:leave", "{}")));
        assertEquals(ra.getAsJsonObject("room").get("id"), rb.getAsJsonObject("room").get("id"));
    }

    @Test
    void timeSyncEchoesAndGivesServerTime() throws Exception {
        TestClient a = client();
        long before = System.currentTimeMillis();
        JsonObject r = a.call("time:sync", "{\"t\":12345.5}");
        assertEquals(12345.5, r.get("t").getAsDouble());
        long st = r.get("serverTime").getAsLong();
        assertTrue(st >= before - 1000 && st <= System.currentTimeMillis() + 1000);
    }

    @Test
    void longPollingClientsPlayToo() throws Exception {
        TestClient a = client("polling");
        JsonObject r = ok(a.call("room:quickplay", "{\"name\":\"Poller\"}"));
        int id = r.getAsJsonObject("you").get("id").getAsInt();
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() >= 5 && a.me(id) != null);
        // Measured in the room's own ticks, which a loaded machine slows as much as the client: a polling
        // client is told every snapshot (several per poll answer), so it must see at least half the ticks.
        int pollFrom = a.got("snapshot").size();
        await().atMost(15, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() >= pollFrom + 31);
        List<TestClient.Received> lobbySnaps = a.got("snapshot");
        long polled = lobbySnaps.size() - 1 - pollFrom;
        long ticks = lobbySnaps.get(lobbySnaps.size() - 1).body().get("tick").getAsLong()
                - lobbySnaps.get(pollFrom).body().get("tick").getAsLong();
        assertTrue(polled >= 30 && ticks <= 2L * polled + 2,
                polled + " snapshots over polling while the room ticked " + ticks + " times");
    }

    @Test
    void httpRoutesAnswer() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url("/healthz"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("ok", JsonParser.parseString(health.body()).getAsJsonObject().get("status").getAsString());
        TestClient a = client();
        ok(a.call("room:quickplay", "{\"name\":\"Lister\"}"));
        HttpResponse<String> rooms = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/rooms"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rooms.statusCode());
        assertTrue(JsonParser.parseString(rooms.body()).getAsJsonObject().getAsJsonArray("rooms").size() >= 1);
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(server.url("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.url("/nope/../../etc/passwd")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("skirmish_tick_duration_seconds_bucket"));
    }
}
