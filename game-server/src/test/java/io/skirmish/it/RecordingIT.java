package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.admin.AdminConfig;
import io.skirmish.arena.ArenaGame;
import io.skirmish.recorder.Rec;
import io.skirmish.recorder.RecorderConfig;
import io.skirmish.recorder.Recording;
import io.skirmish.recorder.Replayer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real server, real Socket.IO clients playing in a room, the recording downloaded from the admin
 * API: it replays with every state hash matching, and holds no seat token, password or address.
 */
class RecordingIT {
    static final String TOKEN = "recording-it-token";

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withAdmin(AdminConfig.defaults().withToken(TOKEN)
            .withRecorder(RecorderConfig.defaults().withDir(null))));

    @Test
    void aRoomPlayedByClientsReplaysWithEveryHashMatching() throws Exception {
        TestClient host = server.client();
        JsonObject ack = host.call("room:create", "{\"name\":\"host\",\"settings\":{\"password\":\"hunter2-secret\"}}");
        String room = ack.getAsJsonObject("room").get("id").getAsString();
        String code = ack.getAsJsonObject("room").get("code").getAsString();
        String hostToken = ack.getAsJsonObject("you").get("seatToken").getAsString();
        TestClient guest = server.client();
        JsonObject g = guest.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"guest\",\"password\":\"hunter2-secret\"}");
        String guestToken = g.getAsJsonObject("you").get("seatToken").getAsString();
        host.call("room:start", "{}");

        // Both play: one input per tick period each, seeded moves, aims and shots.
        ScheduledExecutorService players = Executors.newSingleThreadScheduledExecutor();
        Random rnd = new Random(7);
        AtomicInteger seq = new AtomicInteger();
        players.scheduleAtFixedRate(() -> {
            int n = seq.incrementAndGet();
            for (TestClient c : List.of(host, guest)) {
                double a = rnd.nextDouble() * Math.PI * 2;
                c.emit("input", String.format("{\"seq\":%d,\"moveX\":%.3f,\"moveY\":%.3f,\"aim\":%.3f,\"fire\":%b}", n,
                        Math.cos(a), Math.sin(a), rnd.nextDouble() * 6 - 3, rnd.nextInt(3) == 0));
            }
        }, 0, 33, TimeUnit.MILLISECONDS);
        HttpClient http = HttpClient.newHttpClient();
        try {
            // Until the room has played for four seconds (its tick, from the admin API).
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/admin/api/rooms/" + room)))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("room").get("tick").getAsLong() > 120;
            });
        } finally {
            players.shutdownNow();
        }
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(server.url("/admin/api/rooms/" + room
                + "/recording"))).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("content-disposition").orElse("").contains(".skrec.gz"));

        Recording rec = Recording.read(new ByteArrayInputStream(file.body()));
        long inputs = rec.records().stream().filter(r -> r instanceof Rec.Step s && !s.inputs().isEmpty()).count();
        assertTrue(inputs > 60, "steps with inputs: " + inputs);
        assertTrue(rec.records().stream().anyMatch(r -> r instanceof Rec.Note n && n.text().startsWith("start")),
                "the host's start command is in the recording");
        Replayer.Result result = new Replayer(id -> ArenaGame.factory()).replay(rec);
        assertEquals(Replayer.Outcome.MATCH, result.outcome(), result.detail());
        assertTrue(result.hashesChecked() >= 4, "hashes: " + result.hashesChecked());

        // No seat token, password or address anywhere in the file.
        String everything = new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(file.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : List.of(hostToken, guestToken, "hunter2-secret", "127.0.0.1")) {
            assertTrue(!everything.contains(secret), "the recording contains " + secret);
        }
    }
}
