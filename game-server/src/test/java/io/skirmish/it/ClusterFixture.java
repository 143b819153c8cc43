package io.skirmish.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.skirmish.cluster.ClusterConfig;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import io.skirmish.testkit.RedisProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One real Redis and in-process nodes on 127.0.0.1, with short heartbeats so expiry is quick to see. */
final class ClusterFixture implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration TTL = Duration.ofSeconds(2);
    static final Duration RESERVATION = Duration.ofSeconds(3);

    final RedisProcess redis;
    final List<SkirmishServer> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ClusterFixture(int n) throws Exception {
        this(n, i -> null);
    }

    /** n nodes, node i advertising {@code publicUrl.apply(i)} ({@code null}: its own address). */
    ClusterFixture(int n, java.util.function.IntFunction<String> publicUrl) throws Exception {
        redis = RedisProcess.started();
        for (int i = 0; i < n; i++) {
            nodes.add(startNode("node-" + (char) ('a' + i), publicUrl.apply(i)));
        }
    }

    SkirmishServer startNode(String id) {
        return startNode(id, null);
    }

    SkirmishServer startNode(String id, String publicUrl) {
        ServerConfig cfg = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withGameThreads(1);
        return SkirmishServer.start(cfg, io.skirmish.server.BuiltInGames.catalog(), config(id, publicUrl));
    }

    ClusterConfig config(String id) {
        return config(id, null);
    }

    ClusterConfig config(String id, String publicUrl) {
        return ClusterConfig.of(redis.uri(), publicUrl, id).withTimes(HEARTBEAT, TTL, RESERVATION);
    }

    int port(int i) {
        return nodes.get(i).port();
    }

    /** {@code /api/rooms} of node i. */
    JsonArray apiRooms(int i) throws Exception {
        return apiRoomsAt(port(i));
    }

    JsonArray apiRoomsAt(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("rooms");
    }

    String metrics(int i) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(i) + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    String metricsOf(SkirmishServer s) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        for (SkirmishServer s : nodes) {
            s.close();
        }
        redis.close();
    }
}
