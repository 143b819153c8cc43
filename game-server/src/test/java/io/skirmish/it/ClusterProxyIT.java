package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "one public address": Debian's nginx with {@code scripts/nginx-cluster.conf} in front of
 * three nodes, each started with {@code --public-url http://ENTRY/nN}. Players speak only to the
 * entry: a room made through {@code /n1/} is joined by code through {@code /n3/}, whose node answers
 * {@code MOVED} to {@code ENTRY/n1}; the player follows it there, through the proxy, and plays.
 * Prints the join-redirect latency (a figure, not a bound).
 */
class ClusterProxyIT {
    @Test
    void aPlayerFollowsMovedThroughThePathRoutingProxy() throws Exception {
        try (NginxProcess nginx = new NginxProcess();
             ClusterFixture cluster = new ClusterFixture(3, i -> nginx.url() + "/n" + (i + 1))) {
            nginx.start(List.of(cluster.port(0), cluster.port(1), cluster.port(2)));
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.metrics(2).contains("skirmish_cluster_nodes 3.0"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(nginx.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "the page through the entry");
            assertTrue(page.body().contains("<html") || page.body().contains("<!doctype"), "the page through the entry");

            try (TestClient host = TestClient.connect(URI.create(nginx.url() + "/n1"));
                 TestClient guest = TestClient.connect(URI.create(nginx.url() + "/n3"))) {
                JsonObject made = host.call("room:create", "{\"name\":\"host\"}");
                assertTrue(made.get("ok").getAsBoolean(), made.toString());
                String code = made.getAsJsonObject("room").get("code").getAsString();

                String join = "{\"code\":\"" + code + "\",\"name\":\"guest\"}";
                long t0 = System.nanoTime();
                JsonObject moved = guest.call("room:join", join);
                long movedAt = System.nanoTime();
                assertEquals("MOVED", moved.getAsJsonObject("error").get("code").getAsString(), moved.toString());
                JsonObject to = moved.getAsJsonObject("moveTo");
                assertEquals(nginx.url() + "/n1", to.get("url").getAsString(), "the entry's path of the room's node");

                try (TestClient there = TestClient.connect(URI.create(to.get("url").getAsString()))) {
                    long connectedAt = System.nanoTime();
                    JsonObject again = com.google.gson.JsonParser.parseString(join).getAsJsonObject();
                    again.add("reservation", to.get("reservation"));
                    JsonObject joined = there.call("room:join", again.toString());
                    long joinedAt = System.nanoTime();
                    assertTrue(joined.get("ok").getAsBoolean(), joined.toString());
                    assertEquals(made.getAsJsonObject("room").get("id"), joined.getAsJsonObject("room").get("id"));
                    await().atMost(Duration.ofSeconds(5)).until(() -> !there.got("snapshot").isEmpty());
                    System.out.printf("join-redirect latency through nginx: %.1f ms in all (MOVED answer %.1f ms, "
                                    + "connect %.1f ms, join there %.1f ms)%n", ms(joinedAt - t0), ms(movedAt - t0),
                            ms(connectedAt - movedAt), ms(joinedAt - connectedAt));
                }
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
