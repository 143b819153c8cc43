package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The game catalog over real sockets: each game selectable, switchable, and a bad id refused. */
class CatalogIT {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static JsonObject get(String path) throws Exception {
        return JsonParser.parseString(Http.get(server.port, path).body()).getAsJsonObject();
    }

    @Test
    void theCatalogListsEveryGameWithItsMaps() throws Exception {
        JsonArray games = get("/api/games").getAsJsonArray("games");
        List<String> ids = new ArrayList<>();
        for (JsonElement g : games) ids.add(g.getAsJsonObject().get("id").getAsString());
        assertEquals(List.of("arena", "tag"), ids);
        JsonObject tag = games.get(1).getAsJsonObject();
        assertEquals("Tag", tag.get("name").getAsString());
        assertEquals("yard", tag.getAsJsonArray("maps").get(0).getAsString());
    }

    @Test
    void eachGameAndMapIsSelectableWhenCreatingARoom() throws Exception {
        for (JsonElement g : get("/api/games").getAsJsonArray("games")) {
            String id = g.getAsJsonObject().get("id").getAsString();
            for (JsonElement m : g.getAsJsonObject().getAsJsonArray("maps")) {
                TestClient c = server.client();
                JsonObject ack = c.call("room:create", "{\"name\":\"h\",\"settings\":{\"game\":\"" + id
                        + "\",\"map\":\"" + m.getAsString() + "\"}}");
                assertTrue(ack.get("ok").getAsBoolean(), ack.toString());
                assertEquals(id, ack.getAsJsonObject("room").get("game").getAsString());
                assertEquals(id, ack.getAsJsonObject("game").get("id").getAsString());
                assertEquals(m.getAsString(), ack.getAsJsonObject("game").getAsJsonObject("map").get("id").getAsString());
                c.call("room:leave", "{}");
            }
        }
    }

    @Test
    void anUnknownGameOrMapIsABadRequest() throws Exception {
        TestClient c = server.client();
        for (String bad : List.of("{\"name\":\"h\",\"settings\":{\"game\":\"chess\"}}",
                "{\"name\":\"h\",\"settings\":{\"game\":\"tag\",\"map\":\"pillars\"}}")) {
            JsonObject ack = c.call("room:create", bad);
            assertFalse(ack.get("ok").getAsBoolean());
            assertEquals("BAD_REQUEST", ack.getAsJsonObject("error").get("code").getAsString());
        }
        JsonObject quick = c.call("room:quickplay", "{\"name\":\"q\",\"game\":\"chess\"}");
        assertEquals("BAD_REQUEST", quick.getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void quickPlayOfTagIsListedWithItsGameAndTheHostSwitchesGameInTheLobby() throws Exception {
        TestClient runner = server.client();
        JsonObject ack = runner.call("room:quickplay", "{\"name\":\"r\",\"game\":\"tag\"}");
        String roomId = ack.getAsJsonObject("room").get("id").getAsString();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonElement r : get("/api/rooms").getAsJsonArray("rooms")) {
                JsonObject o = r.getAsJsonObject();
                if (o.get("id").getAsString().equals(roomId)) return o.get("game").getAsString().equals("tag");
            }
            return false;
        });

        TestClient host = server.client(), guest = server.client();
        JsonObject created = host.call("room:create", "{\"name\":\"h\"}");
        assertEquals("arena", created.getAsJsonObject("game").get("id").getAsString(), "the default game");
        String code = created.getAsJsonObject("room").get("code").getAsString();
        JsonObject joined = guest.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"g\"}");
        assertTrue(joined.get("ok").getAsBoolean(), joined.toString());
        JsonObject switched = host.call("room:settings", "{\"game\":\"tag\"}");
        assertEquals("tag", switched.getAsJsonObject("room").getAsJsonObject("settings").get("game").getAsString());
        await().atMost(Duration.ofSeconds(10)).until(() -> guest.last("game:info") != null);
        assertEquals("tag", guest.last("game:info").get("id").getAsString());
        JsonObject bad = host.call("room:settings", "{\"game\":\"chess\"}");
        assertEquals("BAD_REQUEST", bad.getAsJsonObject("error").get("code").getAsString());
        // Tag now decodes the guest's inputs: a moving runner, its seq acknowledged in tag snapshots.
        for (int seq = 1; seq <= 5; seq++) guest.emit("input", "{\"seq\":" + seq + ",\"moveX\":1,\"moveY\":0}");
        int guestId = joined.getAsJsonObject("you").get("id").getAsInt();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonObject me = guest.me(guestId);
            return me != null && me.has("t") && me.get("seq").getAsInt() == 5;
        });
        assertNotEquals(null, guest.last("snapshot").get("it"));
    }
}
