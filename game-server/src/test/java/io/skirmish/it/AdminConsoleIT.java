package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.admin.AdminConfig;
import io.skirmish.recorder.RecorderConfig;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The admin API on a real server: who may use it, who may not, and that what operators do is logged. */
class AdminConsoleIT {
    static final String TOKEN = "it-admin-token-7f3a9c";

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withAdmin(AdminConfig.defaults().withToken(TOKEN)
            .withRecorder(RecorderConfig.defaults().withDir(null))));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void captureAudit() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("io.skirmish.admin.audit")).addAppender(audit);
    }

    @AfterEach
    void releaseAudit() {
        ((Logger) LoggerFactory.getLogger("io.skirmish.admin.audit")).detachAppender(audit);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every admin endpoint, for a room that exists. */
    private static List<String[]> endpoints(String room) {
        return List.of(
                new String[] {"GET", "/admin/api/session"},
                new String[] {"GET", "/admin/api/rooms"},
                new String[] {"GET", "/admin/api/server"},
                new String[] {"GET", "/admin/api/rooms/" + room},
                new String[] {"GET", "/admin/api/rooms/" + room + "/live"},
                new String[] {"GET", "/admin/api/rooms/" + room + "/recording"},
                new String[] {"POST", "/admin/api/rooms/" + room + "/kick"},
                new String[] {"POST", "/admin/api/rooms/" + room + "/lock"},
                new String[] {"POST", "/admin/api/rooms/" + room + "/unlock"},
                new String[] {"POST", "/admin/api/rooms/" + room + "/close"},
                new String[] {"POST", "/admin/api/rooms/" + room + "/message"},
                new String[] {"POST", "/admin/api/drain"},
                new String[] {"GET", "/admin/api/no-such-endpoint"});
    }

    /** A private room of its own (quick play would share rooms with other tests' kept seats). */
    private String aRoomWithAPlayer() throws Exception {
        TestClient c = server.client();
        JsonObject ack = c.call("room:create", "{\"name\":\"victim\",\"settings\":{}}");
        return ack.getAsJsonObject("room").get("id").getAsString();
    }

    private JsonObject row(String room) throws Exception {
        HttpResponse<String> rooms = send("GET", "/admin/api/rooms", null, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, rooms.statusCode());
        for (var e : JsonParser.parseString(rooms.body()).getAsJsonObject().getAsJsonArray("rooms")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(room)) return e.getAsJsonObject();
        }
        throw new AssertionError("room " + room + " not listed: " + rooms.body());
    }

    @Test
    void everyEndpointRefusesNoTokenAWrongTokenAndATokenInTheUrl() throws Exception {
        String room = aRoomWithAPlayer();
        for (String[] e : endpoints(room)) {
            String what = e[0] + " " + e[1];
            assertEquals(401, send(e[0], e[1], "{\"player\":1,\"text\":\"x\"}").statusCode(), what + " without a token");
            assertEquals(403, send(e[0], e[1], "{\"player\":1,\"text\":\"x\"}", "Authorization", "Bearer wrong-" + TOKEN)
                    .statusCode(), what + " with a wrong token");
            assertEquals(403, send(e[0], e[1], "{}", "Authorization", "Basic " + TOKEN).statusCode(), what + " not bearer");
            assertEquals(403, send(e[0], e[1], "{}", "Cookie", "skirmish_admin=" + TOKEN).statusCode(),
                    what + " with the token as a cookie (cookies are login sessions)");
            // The right token in the URL is refused too, even with the right header beside it.
            for (String param : List.of("token", "access_token", "admin_token")) {
                HttpResponse<String> r = send(e[0], e[1] + "?" + param + "=" + TOKEN, "{}", "Authorization", "Bearer " + TOKEN);
                assertEquals(400, r.statusCode(), what + " with ?" + param);
                assertTrue(r.body().contains("URL"), r.body());
            }
        }
        // Nothing above happened: the player is still there, the room open, the server accepting.
        JsonObject row = row(room);
        assertEquals(1, row.get("players").getAsInt());
        assertFalse(row.get("locked").getAsBoolean());
        assertEquals(200, send("GET", "/readyz", null).statusCode());
        assertTrue(audit.list.isEmpty(), "no action was taken: " + audit.list);
    }

    @Test
    void theLoginFormSetsAStrictHttpOnlyCookieThatNeedsTheConsoleHeaderForChanges() throws Exception {
        HttpResponse<String> wrong = send("POST", "/admin/login", "token=nope", "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("set-cookie").isEmpty());

        HttpResponse<String> ok = send("POST", "/admin/login", "token=" + TOKEN, "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, ok.statusCode());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/admin"), cookie);
        assertFalse(cookie.contains(TOKEN), "the cookie is a session id, not the token");
        String session = cookie.substring(0, cookie.indexOf(';'));

        assertEquals(200, send("GET", "/admin/api/rooms", null, "Cookie", session).statusCode());
        String room = aRoomWithAPlayer();
        // A cross-site form could send the cookie but cannot set this header.
        assertEquals(403, send("POST", "/admin/api/rooms/" + room + "/lock", "{}", "Cookie", session).statusCode());
        assertEquals(200, send("POST", "/admin/api/rooms/" + room + "/lock", "{}", "Cookie", session,
                "X-Skirmish-Admin", "1").statusCode());

        assertEquals(303, send("POST", "/admin/logout", "", "Cookie", session).statusCode());
        assertEquals(403, send("GET", "/admin/api/rooms", null, "Cookie", session).statusCode(), "logged out");
        // The page itself is public (no secrets in it) and under a strict CSP.
        HttpResponse<String> page = send("GET", "/admin", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
        assertFalse(page.body().contains("<script>"), "no inline script");
    }

    @Test
    void aPlayerConnectionCannotReachTheAdminSide() throws Exception {
        // There is no admin Socket.IO namespace: a player's socket asking for one is refused.
        Socket s = IO.socket(URI.create(server.url("/admin")), IO.Options.builder().setTransports(new String[] {"websocket"})
                .setReconnection(false).setForceNew(true).build());
        CompletableFuture<String> outcome = new CompletableFuture<>();
        s.on(Socket.EVENT_CONNECT, a -> outcome.complete("connected"));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> outcome.complete("refused: " + (a.length > 0 ? a[0] : "")));
        s.connect();
        try {
            String r = outcome.get(10, TimeUnit.SECONDS);
            assertTrue(r.startsWith("refused"), r);
        } finally {
            s.close();
        }
        // A player on the game namespace sending admin-like events changes nothing.
        TestClient player = server.client();
        String room = player.call("room:create", "{\"name\":\"mallory\",\"settings\":{}}").getAsJsonObject("room")
                .get("id").getAsString();
        for (String event : List.of("admin:kick", "kick", "room:close", "admin")) {
            player.emit(event, "{\"room\":\"" + room + "\",\"player\":1,\"token\":\"" + TOKEN + "\"}");
        }
        // Over HTTP with a player's cookies and session, the admin API still wants the token.
        assertEquals(401, send("GET", "/admin/api/rooms", null, "Cookie", "io=" + player.socket.id()).statusCode());
        JsonObject first = row(room);
        assertEquals(1, first.get("players").getAsInt(), "the player is still seated: " + first);
        assertFalse(first.get("locked").getAsBoolean());
        assertTrue(audit.list.isEmpty());
    }

    @Test
    void anOperatorKickRemovesThePlayerAndIsLoggedWithRoomAndAction() throws Exception {
        TestClient victim = server.client();
        JsonObject ack = victim.call("room:create", "{\"name\":\"victim\",\"settings\":{}}");
        String room = ack.getAsJsonObject("room").get("id").getAsString();
        int id = ack.getAsJsonObject("you").get("id").getAsInt();
        List<String> notices = new CopyOnWriteArrayList<>();
        victim.socket.on("room:notice", a -> notices.add(String.valueOf(a[0])));

        HttpResponse<String> msg = send("POST", "/admin/api/rooms/" + room + "/message", "{\"text\":\"server restarts soon\"}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, msg.statusCode(), msg.body());
        await().atMost(Duration.ofSeconds(5)).until(() -> !notices.isEmpty());
        assertTrue(notices.get(0).contains("server restarts soon") && notices.get(0).contains("operator"), notices.toString());

        HttpResponse<String> r = send("POST", "/admin/api/rooms/" + room + "/kick", "{\"player\":" + id + "}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        await().atMost(Duration.ofSeconds(5)).until(() -> victim.last("room:kicked") != null);
        assertEquals("operator", victim.last("room:kicked").get("reason").getAsString());
        JsonObject detail = JsonParser.parseString(send("GET", "/admin/api/rooms/" + room, null, "Authorization",
                "Bearer " + TOKEN).body()).getAsJsonObject();
        assertEquals(0, detail.getAsJsonObject("room").getAsJsonArray("players").size(), detail.toString());

        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.contains("admin action=kick room=" + room + " player=" + id + " via=bearer"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("admin action=message room=" + room)), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(TOKEN)), "no token in the log");
        assertEquals(400, send("POST", "/admin/api/rooms/" + room + "/kick", "{\"player\":" + id + "}",
                "Authorization", "Bearer " + TOKEN).statusCode(), "kicking a player no longer there");
    }

    @Test
    void theRoomsListCarriesTheConsoleColumns() throws Exception {
        aRoomWithAPlayer();
        JsonObject body = JsonParser.parseString(send("GET", "/admin/api/rooms", null, "Authorization", "Bearer " + TOKEN)
                .body()).getAsJsonObject();
        JsonObject row = body.getAsJsonArray("rooms").get(0).getAsJsonObject();
        for (String k : List.of("id", "game", "map", "phase", "players", "spectators", "tickP50Ms", "tickP99Ms",
                "snapshotBytes", "bytesPerSecond", "ageSeconds", "recorderBytes")) {
            assertNotNull(row.get(k), k + " in " + row);
        }
    }
}
