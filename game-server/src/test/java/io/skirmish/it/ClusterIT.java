package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three nodes and one Redis on 127.0.0.1: one directory of rooms, one entry for players. */
class ClusterIT {
    static ClusterFixture cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ClusterFixture(3);
        // every node has heartbeated once: each sees the others
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.nodes.stream()
                .allMatch(n -> cluster.metricsOf(n).contains("skirmish_cluster_nodes 3.0")));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void privateRoomMadeOnAIsJoinedByCodeThroughBAndC() throws Exception {
        try (ClusterClient host = new ClusterClient(cluster.port(0));
             ClusterClient viaB = new ClusterClient(cluster.port(1));
             ClusterClient viaC = new ClusterClient(cluster.port(2))) {
            JsonObject made = host.call("room:create", "{\"name\":\"host\"}");
            assertTrue(made.get("ok").getAsBoolean(), made.toString());
            String code = made.getAsJsonObject("room").get("code").getAsString();
            String roomId = made.getAsJsonObject("room").get("id").getAsString();

            JsonObject first = viaB.client.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"bee\"}");
            assertEquals("MOVED", ClusterClient.code(first), first.toString());
            assertEquals("http://127.0.0.1:" + cluster.port(0), first.getAsJsonObject("moveTo").get("url").getAsString());

            JsonObject b = viaB.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"bee\"}");
            JsonObject c = viaC.call("room:join", "{\"code\":\"" + code + "\",\"name\":\"sea\"}");
            assertTrue(b.get("ok").getAsBoolean(), b.toString());
            assertTrue(c.get("ok").getAsBoolean(), c.toString());
            assertEquals(roomId, b.getAsJsonObject("room").get("id").getAsString());
            assertEquals(roomId, c.getAsJsonObject("room").get("id").getAsString());
            assertEquals(cluster.port(0), viaB.port);
            assertEquals(cluster.port(0), viaC.port);
            assertEquals(1, viaC.moves);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                JsonObject u = host.client.last("room:update");
                return u != null && u.getAsJsonArray("players").size() == 3;
            });
        }
    }

    @Test
    void unknownCodeIsNotFoundOnEveryNode() throws Exception {
        try (ClusterClient c = new ClusterClient(cluster.port(1))) {
            assertEquals("ROOM_NOT_FOUND", ClusterClient.code(c.call("room:join", "{\"code\":\"ZZZZZ\",\"name\":\"x\"}")));
        }
    }

    @Test
    void twentyFourQuickPlayersSpreadOverAllNodesEndInThreeFullRooms() throws Exception {
        List<ClusterClient> clients = new ArrayList<>();
        try {
            Map<String, Integer> perRoom = new HashMap<>();
            for (int i = 0; i < 24; i++) {
                ClusterClient c = new ClusterClient(cluster.port(i % 3));
                clients.add(c);
                JsonObject a = c.call("room:quickplay", "{\"name\":\"q" + i + "\"}");
                assertTrue(a.get("ok").getAsBoolean(), a.toString());
                perRoom.merge(a.getAsJsonObject("room").get("id").getAsString(), 1, Integer::sum);
            }
            assertEquals(3, perRoom.size(), perRoom.toString());
            perRoom.values().forEach(n -> assertEquals(8, n, perRoom.toString()));
            assertTrue(clients.stream().anyMatch(c -> c.moves > 0), "some players were moved");
        } finally {
            clients.forEach(ClusterClient::close);
        }
    }

    @Test
    void twoNodesRacingForTheLastSeatGiveOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            try (ClusterClient host = new ClusterClient(cluster.port(0));
                 ClusterClient b = new ClusterClient(cluster.port(1));
                 ClusterClient c = new ClusterClient(cluster.port(2))) {
                JsonObject made = host.call("room:create", "{\"name\":\"host\",\"settings\":{\"maxPlayers\":2}}");
                String code = made.getAsJsonObject("room").get("code").getAsString();
                String req = "{\"code\":\"" + code + "\",\"name\":\"racer\"}";
                CompletableFuture<JsonObject> fb = b.client.request("room:join", req);
                CompletableFuture<JsonObject> fc = c.client.request("room:join", req);
                List<String> codes = List.of(ClusterClient.code(fb.get(10, TimeUnit.SECONDS)),
                        ClusterClient.code(fc.get(10, TimeUnit.SECONDS)));
                assertEquals(1, codes.stream().filter("MOVED"::equals).count(), codes.toString());
                assertEquals(1, codes.stream().filter("ROOM_FULL"::equals).count(), codes.toString());
                if (round == 4) {
                    // the winner never came: its reservation expires and frees the seat
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
                        try (ClusterClient probe = new ClusterClient(cluster.port(1))) {
                            return "MOVED".equals(ClusterClient.code(probe.client.call("room:join", req)));
                        }
                    });
                }
            }
        }
    }

    @Test
    void aReservationForTheLastSeatIsHonouredAgainstAPlayerOfThatNode() throws Exception {
        try (ClusterClient host = new ClusterClient(cluster.port(0));
             ClusterClient far = new ClusterClient(cluster.port(1));
             ClusterClient near = new ClusterClient(cluster.port(0))) {
            JsonObject made = host.call("room:create", "{\"name\":\"host\",\"settings\":{\"maxPlayers\":2}}");
            String code = made.getAsJsonObject("room").get("code").getAsString();
            String req = "{\"code\":\"" + code + "\",\"name\":\"friend\"}";
            JsonObject moved = far.client.call("room:join", req); // the last seat, reserved for the far player
            assertEquals("MOVED", ClusterClient.code(moved), moved.toString());
            JsonObject local = near.client.call("room:join", req); // meanwhile, on the room's own node
            assertEquals("ROOM_FULL", ClusterClient.code(local), "the reserved seat is not given away: " + local);
            try (TestClient there = TestClient.connect(cluster.port(0))) { // the far player follows its MOVED
                JsonObject again = JsonParser.parseString(req).getAsJsonObject();
                again.add("reservation", moved.getAsJsonObject("moveTo").get("reservation"));
                JsonObject arrived = there.call("room:join", again.toString());
                assertEquals("OK", ClusterClient.code(arrived), "the reservation is honoured: " + arrived);
            }
        }
    }

    @Test
    void theSameCodeIsLiveOnceInTheCluster() throws Exception {
        // Every node holds a pool of codes it claimed cluster-wide; many private rooms over three nodes never share one.
        List<ClusterClient> hosts = new ArrayList<>();
        try {
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (int i = 0; i < 30; i++) {
                ClusterClient h = new ClusterClient(cluster.port(i % 3));
                hosts.add(h);
                JsonObject made = h.call("room:create", "{\"name\":\"h" + i + "\"}");
                assertTrue(codes.add(made.getAsJsonObject("room").get("code").getAsString()), "code given twice");
            }
        } finally {
            hosts.forEach(ClusterClient::close);
        }
    }

    @Test
    void quickPlayForAGameIsNeverSentToARoomOfAnother() throws Exception {
        try (ClusterClient arena = new ClusterClient(cluster.port(0));
             ClusterClient tag = new ClusterClient(cluster.port(1))) {
            JsonObject a = arena.call("room:quickplay", "{\"name\":\"arena\",\"game\":\"arena\"}");
            assertTrue(a.get("ok").getAsBoolean(), a.toString());
            JsonObject t = tag.call("room:quickplay", "{\"name\":\"tagger\",\"game\":\"tag\"}");
            assertTrue(t.get("ok").getAsBoolean(), t.toString());
            assertEquals("tag", t.getAsJsonObject("room").get("game").getAsString());
        }
    }

    @Test
    void apiRoomsAgreesOnEveryNode() throws Exception {
        List<ClusterClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ClusterClient c = new ClusterClient(cluster.port(i));
                clients.add(c);
                assertTrue(c.call("room:quickplay", "{\"name\":\"api" + i + "\"}").get("ok").getAsBoolean());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                JsonArray a = cluster.apiRooms(0);
                return !a.isEmpty() && a.equals(cluster.apiRooms(1)) && a.equals(cluster.apiRooms(2));
            });
            for (JsonElement e : cluster.apiRooms(0)) {
                assertTrue(e.getAsJsonObject().get("players").getAsInt() >= 0);
            }
        } finally {
            clients.forEach(ClusterClient::close);
        }
    }
}
