package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.admin.AdminConfig;
import io.skirmish.net.EventBudget;
import io.skirmish.recorder.RecorderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The room page's per-player network figures, through the admin API, on a real server with real
 * Socket.IO clients: heartbeat round trip, refused inputs, rate-limit state, input queue and cut inputs.
 */
class PlayerNetStatsIT {
    static final String TOKEN = "it-netstats-token-51c0";
    /** 20 messages a second, a burst of 20, throttled after 10 drops; a minute's window keeps the state for the test. */
    static final EventBudget.Limits LIMITS = new EventBudget.Limits(20, 20, 10, 1_000, 60_000);

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c
            .withNet(c.net().withHeartbeat(250, 5_000).withEventLimits(LIMITS))
            .withAdmin(AdminConfig.defaults().withToken(TOKEN).withRecorder(RecorderConfig.defaults().withDir(null))));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonObject player(String room, int id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/admin/api/rooms/" + room)))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonElement e : JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("room").getAsJsonArray("players")) {
            if (e.getAsJsonObject().get("id").getAsInt() == id) return e.getAsJsonObject();
        }
        throw new AssertionError("player " + id + " not in " + r.body());
    }

    private static String input(Object seq) {
        return "{\"seq\":" + seq + ",\"moveX\":1,\"moveY\":0,\"aim\":0,\"fire\":false}";
    }

    @Test
    void aFloodingClientShowsRateLimitedAndABadOneItsRefusedInputsWhileACalmOneShowsItsRoundTrip() throws Exception {
        TestClient calm = server.client();
        JsonObject created = calm.call("room:create", "{\"name\":\"calm\",\"settings\":{}}");
        String room = created.getAsJsonObject("room").get("id").getAsString();
        String code = created.getAsJsonObject("room").get("code").getAsString();
        int calmId = created.getAsJsonObject("you").get("id").getAsInt();
        TestClient bad = server.client();
        int badId = bad.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"bad\"}").getAsJsonObject("you").get("id").getAsInt();
        TestClient flood = server.client();
        int floodId = flood.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"flood\"}").getAsJsonObject("you").get("id")
                .getAsInt();
        PromMetrics before = PromMetrics.scrape(server.port);

        // bad: two malformed inputs, one good, then the same seq again and an older one (stale): 4 refused.
        bad.emit("input", input("\"x\""));
        bad.emit("input", "{\"moveX\":1}");
        bad.emit("input", input(5));
        bad.emit("input", input(5));
        bad.emit("input", input(3));
        // The server handles one client's messages in order: once this is answered, the inputs were counted.
        bad.call("time:sync", "{\"t\":1}");
        // flood: 200 inputs at once, against a burst of 20.
        for (int i = 1; i <= 200; i++) flood.emit("input", input(i));
        // calm: a few inputs, well inside its budget.
        for (int i = 1; i <= 5; i++) calm.emit("input", input(i));
        calm.call("time:sync", "{\"t\":1}");

        JsonObject b = player(room, badId);
        assertEquals(4, b.get("rejectedInputs").getAsLong(), b.toString());
        assertEquals("ok", b.get("rateLimit").getAsString(), b.toString());
        assertEquals(0, b.get("rateLimitedMessages").getAsLong(), b.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> flood.last("server:error") != null);
        assertEquals("RATE_LIMITED", flood.last("server:error").get("code").getAsString());
        JsonObject f = player(room, floodId);
        assertEquals("throttled", f.get("rateLimit").getAsString(), f.toString());
        // Every drop the server counted was this client's: the console's figure is the metrics' figure.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            PromMetrics now = PromMetrics.scrape(server.port);
            double drops = now.sum("skirmish_rate_limit_actions_total") - before.sum("skirmish_rate_limit_actions_total");
            return drops > 0 && drops == player(room, floodId).get("rateLimitedMessages").getAsLong();
        });
        f = player(room, floodId);
        assertTrue(f.get("rateLimitedMessages").getAsLong() >= 200 - 20 - 10, "most of the flood was dropped: " + f);
        // The burst that got through arrived at once: the pacer cut the queue back (at most 2 left per tick).
        assertTrue(f.get("inputsCut").getAsLong() > 0, f.toString());
        assertTrue(f.get("inputQueue").getAsInt() >= 0 && f.get("inputQueue").getAsInt() <= 2, f.toString());

        JsonObject c = player(room, calmId);
        assertEquals("ok", c.get("rateLimit").getAsString(), c.toString());
        assertEquals(0, c.get("rejectedInputs").getAsLong(), c.toString());
        assertEquals(0, c.get("rateLimitedMessages").getAsLong(), c.toString());
        // The heartbeat pings every 250 ms: a round trip is measured within a few pings.
        await().atMost(Duration.ofSeconds(10)).until(() -> !player(room, calmId).get("rttMs").isJsonNull());
        double rtt = player(room, calmId).get("rttMs").getAsDouble();
        assertTrue(rtt > 0 && rtt < 5_000, "round trip on loopback, within the ping timeout: " + rtt);
    }
}
