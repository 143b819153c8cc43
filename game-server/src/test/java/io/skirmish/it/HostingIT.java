package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skirmish.room.RoomManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Private rooms with real clients: host powers, passwords, guessing limits, seat keeping, spectators. */
class HostingIT {
    static final int GRACE_SECONDS = 3;
    @RegisterExtension
    static final TestServer server = new TestServer(c -> c
            .withRooms(c.rooms().withSeatGrace(Duration.ofSeconds(GRACE_SECONDS)).withSpectatorDelay(Duration.ofMillis(500)))
            .withGuessLimits(new RoomManager.GuessLimits(5, 1000, 1, TimeUnit.MINUTES)));

    static TestClient client() throws Exception {
        return server.client();
    }

    static JsonObject ok(JsonObject ack) {
        assertTrue(ack.has("ok") && ack.get("ok").getAsBoolean(), "expected ok: " + ack);
        return ack;
    }

    static String code(JsonObject ack) {
        assertFalse(ack.get("ok").getAsBoolean(), "expected a refusal: " + ack);
        return ack.getAsJsonObject("error").get("code").getAsString();
    }

    record Seated(TestClient client, int id, String token) {}

    Seated seat(TestClient c, JsonObject ack) {
        ok(ack);
        JsonObject you = ack.getAsJsonObject("you");
        return new Seated(c, you.get("id").getAsInt(), you.get("seatToken").getAsString());
    }

    /** A private room with a host and named guests. */
    record Party(String code, Seated host, List<Seated> guests) {}

    Party party(String settings, String... guests) throws Exception {
        TestClient h = client();
        JsonObject created = h.call("room:create", "{\"name\":\"Host\"" + (settings == null ? "" : ",\"settings\":" + settings) + "}");
        Seated host = seat(h, created);
        String code = created.getAsJsonObject("room").get("code").getAsString();
        List<Seated> seated = new ArrayList<>();
        for (String g : guests) {
            TestClient c = client();
            seated.add(seat(c, c.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"" + g + "\"}")));
        }
        return new Party(code, host, seated);
    }

    static JsonObject player(JsonObject room, int id) {
        for (JsonElement p : room.getAsJsonArray("players")) {
            if (p.getAsJsonObject().get("id").getAsInt() == id) return p.getAsJsonObject();
        }
        return null;
    }

    @Test
    void hostPowersAreTheHostsAlone() throws Exception {
        Party p = party(null, "Bea", "Cy");
        Seated bea = p.guests().get(0), cy = p.guests().get(1);
        for (String req : List.of("room:start", "room:lock", "room:settings", "room:kick", "room:transfer-host")) {
            String body = switch (req) {
                case "room:lock" -> "{\"locked\":true}";
                case "room:settings" -> "{\"roundSeconds\":60}";
                case "room:kick", "room:transfer-host" -> "{\"playerId\":" + cy.id() + "}";
                default -> "{}";
            };
            assertEquals("NOT_HOST", code(bea.client().call(req, body)), req);
        }
        JsonObject settings = ok(p.host().client().call("room:settings",
                "{\"maxPlayers\":4,\"roundSeconds\":60,\"map\":\"pillars\",\"spectators\":false}"));
        JsonObject room = settings.getAsJsonObject("room");
        assertEquals(4, room.get("capacity").getAsInt());
        assertEquals("pillars", room.getAsJsonObject("settings").get("map").getAsString());
        await().atMost(5, TimeUnit.SECONDS).until(() -> bea.client().last("game:info") != null);
        assertEquals("pillars", bea.client().last("game:info").getAsJsonObject("map").get("id").getAsString());
        ok(bea.client().call("room:ready", "{\"ready\":true}"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> player(bea.client().last("room:update"), bea.id())
                .get("ready").getAsBoolean());
        ok(p.host().client().call("room:start", "{}")); // Cy is not ready: the host may start anyway
        await().atMost(5, TimeUnit.SECONDS).until(() -> "countdown".equals(phase(cy.client())));
        await().atMost(6, TimeUnit.SECONDS).until(() -> "playing".equals(phase(cy.client())));
        assertEquals("BAD_STATE", code(p.host().client().call("room:settings", "{\"roundSeconds\":90}")),
                "settings only in the lobby");
    }

    static String phase(TestClient c) {
        JsonObject u = c.last("room:update");
        return u == null ? null : u.get("phase").getAsString();
    }

    @Test
    void kickRevokesTheSeatTokenForThatRoom() throws Exception {
        Party p = party(null, "Kicked");
        Seated k = p.guests().get(0);
        ok(p.host().client().call("room:kick", "{\"playerId\":" + k.id() + "}"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> k.client().last("room:kicked") != null);
        assertEquals("NOT_IN_ROOM", code(k.client().call("room:ready", "{\"ready\":true}")));
        TestClient again = client();
        assertEquals("SEAT_EXPIRED", code(again.call("room:rejoin", "{\"seatToken\":\"" + k.token() + "\"}")));
        await().atMost(5, TimeUnit.SECONDS).until(() -> player(p.host().client().last("room:update"), k.id()) == null);
    }

    @Test
    void lockAndUnlock() throws Exception {
        Party p = party(null);
        ok(p.host().client().call("room:lock", "{\"locked\":true}"));
        TestClient late = client();
        assertEquals("ROOM_LOCKED", code(late.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"Late\"}")));
        ok(p.host().client().call("room:lock", "{\"locked\":false}"));
        ok(late.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"Late\"}"));
    }

    @Test
    void passwordsAreCheckedAndNeverShown() throws Exception {
        Party p = party("{\"password\":\"hunter2\"}");
        TestClient g = client();
        assertEquals("BAD_PASSWORD", code(g.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"G\"}")));
        assertEquals("BAD_PASSWORD", code(g.call("room:join",
                "{\"code\":\"" + p.code() + "\",\"name\":\"G\",\"password\":\"hunter3\"}")));
        JsonObject in = ok(g.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"G\",\"password\":\"hunter2\"}"));
        assertTrue(in.getAsJsonObject("room").getAsJsonObject("settings").get("hasPassword").getAsBoolean());
        assertFalse(in.toString().contains("hunter2"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> g.last("room:update") != null);
        assertFalse(g.got("room:update").toString().contains("hunter2"));
    }

    @Test
    void wrongCodesAreRateLimited() throws Exception {
        Party p = party(null);
        TestClient guesser = client();
        String wrong = p.code().equals("AAAAA") ? "BBBBB" : "AAAAA";
        for (int i = 0; i < 5; i++) {
            assertEquals("ROOM_NOT_FOUND", code(guesser.call("room:join", "{\"code\":\"" + wrong + "\",\"name\":\"G\"}")));
        }
        assertEquals("RATE_LIMITED", code(guesser.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"G\"}")));
        assertEquals("RATE_LIMITED", code(guesser.call("room:spectate", "{\"code\":\"" + p.code() + "\",\"name\":\"G\"}")));
        ok(client().call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"Other\"}"));
    }

    @Test
    void aRejoinWithinTheGraceGivesBackTheSameSeatScoreAndSeq() throws Exception {
        Party p = party("{\"map\":\"pillars\"}", "Victim");
        Seated host = p.host(), victim = p.guests().get(0);
        ok(host.client().call("room:start", "{}"));
        await().atMost(6, TimeUnit.SECONDS).until(() -> "playing".equals(phase(host.client())));
        int seq = huntUntilAKill(host, victim);
        JsonObject before = host.client().me(host.id());
        assertEquals(1, before.get("sc").getAsInt());

        host.client().close(); // the host's Wi-Fi drops
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            JsonObject h = victim.client().me(host.id());
            return h != null && h.get("c").getAsInt() == 0;
        });
        JsonObject update = victim.client().last("room:update");
        assertFalse(player(update, host.id()).get("connected").getAsBoolean(), "shown as reconnecting");

        TestClient back = client();
        JsonObject rejoined = ok(back.call("room:rejoin", "{\"seatToken\":\"" + host.token() + "\"}"));
        assertEquals(host.id(), rejoined.getAsJsonObject("you").get("id").getAsInt());
        assertEquals(host.token(), rejoined.getAsJsonObject("you").get("seatToken").getAsString());
        assertEquals(seq, rejoined.getAsJsonObject("you").get("lastSeq").getAsInt());
        await().atMost(5, TimeUnit.SECONDS).until(() -> back.me(host.id()) != null);
        JsonObject after = back.me(host.id());
        assertEquals(1, after.get("sc").getAsInt(), "score kept");
        assertEquals(1, after.get("k").getAsInt());
        assertEquals(1, after.get("c").getAsInt());
        back.emit("input", "{\"seq\":" + (seq + 1) + ",\"moveX\":0,\"moveY\":0,\"aim\":0,\"fire\":false}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> back.me(host.id()).get("seq").getAsInt() == seq + 1);
        ok(back.call("room:lock", "{\"locked\":true}")); // still the host
    }

    /** Drives the host's ship at the victim, firing, until the victim dies; returns the last seq sent. */
    private static int huntUntilAKill(Seated hunter, Seated victim) {
        int[] seq = {0};
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(33)).until(() -> {
            JsonObject me = hunter.client().me(hunter.id());
            JsonObject them = hunter.client().me(victim.id());
            if (me == null || them == null) return false;
            double dx = them.get("x").getAsDouble() - me.get("x").getAsDouble();
            double dy = them.get("y").getAsDouble() - me.get("y").getAsDouble();
            double d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
            // Close in until near, then hold and shoot; a little sideways push slides around pillars.
            double mx = d > 150 ? dx / d + 0.3 * -dy / d : 0, my = d > 150 ? dy / d + 0.3 * dx / d : 0;
            double len = Math.max(1, Math.sqrt(mx * mx + my * my));
            hunter.client().emit("input", String.format(java.util.Locale.ROOT,
                    "{\"seq\":%d,\"moveX\":%.3f,\"moveY\":%.3f,\"aim\":%.4f,\"fire\":true}",
                    ++seq[0], mx / len, my / len, Math.atan2(dy, dx)));
            return me.get("k").getAsInt() >= 1;
        });
        int last = seq[0];
        await().atMost(5, TimeUnit.SECONDS).until(() -> hunter.client().me(hunter.id()).get("seq").getAsInt() == last);
        return last;
    }

    @Test
    void afterTheGraceTheSeatIsFreed() throws Exception {
        Party p = party("{\"maxPlayers\":2}", "Flaky");
        Seated flaky = p.guests().get(0);
        flaky.client().close();
        await().atMost(GRACE_SECONDS + 5, TimeUnit.SECONDS).until(() ->
                player(p.host().client().last("room:update"), flaky.id()) == null);
        assertEquals("SEAT_EXPIRED", code(client().call("room:rejoin", "{\"seatToken\":\"" + flaky.token() + "\"}")));
        ok(client().call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"Next\"}")); // the seat is free
    }

    @Test
    void aTokenReplayedFromASecondConnectionReplacesTheFirst() throws Exception {
        Party p = party(null, "Twin");
        Seated twin = p.guests().get(0);
        TestClient second = client();
        JsonObject r = ok(second.call("room:rejoin", "{\"seatToken\":\"" + twin.token() + "\"}"));
        assertEquals(twin.id(), r.getAsJsonObject("you").get("id").getAsInt());
        await().atMost(5, TimeUnit.SECONDS).until(() -> twin.client().last("room:closed") != null);
        assertEquals("replaced", twin.client().last("room:closed").get("reason").getAsString());
        assertEquals("NOT_IN_ROOM", code(twin.client().call("room:ready", "{\"ready\":true}")));
        ok(second.call("room:ready", "{\"ready\":true}"));
        ok(second.call("room:rejoin", "{\"seatToken\":\"" + twin.token() + "\"}")); // again, same connection
        ok(second.call("room:ready", "{\"ready\":false}"));
    }

    @Test
    void hostMigratesToTheLongestPresentPlayerOrByTransfer() throws Exception {
        Party p = party(null, "Second", "Third");
        Seated second = p.guests().get(0), third = p.guests().get(1);
        JsonObject t = ok(p.host().client().call("room:transfer-host", "{\"playerId\":" + third.id() + "}"));
        assertEquals(third.id(), t.getAsJsonObject("room").get("hostId").getAsInt());
        assertEquals("NOT_HOST", code(p.host().client().call("room:lock", "{\"locked\":true}")));
        ok(third.client().call("room:leave", "{}"));
        await().atMost(5, TimeUnit.SECONDS).until(() ->
                p.host().client().last("room:update").get("hostId").getAsInt() == p.host().id());
        ok(p.host().client().call("room:leave", "{}"));
        await().atMost(5, TimeUnit.SECONDS).until(() ->
                second.client().last("room:update").get("hostId").getAsInt() == second.id());
        ok(second.client().call("room:lock", "{\"locked\":true}"));
    }

    @Test
    void aSpectatorGetsDelayedSnapshotsButHasNoShipAndCannotAct() throws Exception {
        Party p = party("{\"maxPlayers\":2}", "Player");
        TestClient spec = client();
        JsonObject s = ok(spec.call("room:spectate", "{\"code\":\"" + p.code() + "\",\"name\":\"Watcher\"}"));
        assertTrue(s.getAsJsonObject("you").get("spectator").getAsBoolean());
        assertTrue(s.getAsJsonObject("you").get("id").isJsonNull());
        await().atMost(5, TimeUnit.SECONDS).until(() -> spec.got("snapshot").size() >= 10);
        JsonObject snap = spec.last("snapshot");
        assertEquals(2, snap.getAsJsonArray("players").size(), "no ship for the spectator");
        // The delay is exactly 500 ms = 15 ticks at 30 Hz: the spectator's snapshot of tick T goes out in the
        // same tick as the players' snapshot of T + 15. Pair each spectator snapshot with the host's snapshot
        // that arrived nearest in time; the median difference is the delay, whatever the machine's jitter.
        int delayTicks = 15;
        List<TestClient.Received> seen = List.copyOf(spec.got("snapshot")); // a copy: it grows
        List<TestClient.Received> live = p.host().client().got("snapshot");
        List<Long> lags = new java.util.ArrayList<>();
        for (TestClient.Received r : seen.subList(seen.size() - 10, seen.size())) {
            TestClient.Received nearest = live.stream()
                    .min(java.util.Comparator.comparingLong(l -> Math.abs(l.nanos() - r.nanos()))).orElseThrow();
            lags.add(nearest.body().get("tick").getAsLong() - r.body().get("tick").getAsLong());
        }
        List<Long> sorted = lags.stream().sorted().toList();
        assertEquals(delayTicks, sorted.get(sorted.size() / 2), "spectators see the past, 15 ticks behind: " + lags);
        spec.emit("input", "{\"seq\":1,\"moveX\":1,\"moveY\":0,\"aim\":0,\"fire\":true}");
        assertEquals("NOT_IN_ROOM", code(spec.call("room:ready", "{\"ready\":true}")));
        assertEquals("NOT_IN_ROOM", code(spec.call("room:start", "{}")));
        assertEquals(1, p.host().client().last("room:update").get("spectators").getAsInt());
        TestClient late = client();
        assertEquals("ROOM_FULL", code(late.call("room:join", "{\"code\":\"" + p.code() + "\",\"name\":\"Late\"}")),
                "the spectator took no seat, but two players fill it");
        ok(p.host().client().call("room:settings", "{\"spectators\":false}"));
        assertEquals("BAD_REQUEST", code(late.call("room:spectate", "{\"code\":\"" + p.code() + "\",\"name\":\"No\"}")));
        assertNull(spec.last("server:error"), "input from a spectator is ignored silently: " + spec.last("server:error"));
        assertNotNull(spec.last("room:update"));
    }
}
