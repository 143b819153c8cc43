package io.skirmish.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * A real Socket.IO client (io.socket) for integration tests: records every server event as gson
 * JSON with its arrival time, and turns acks into futures. Nothing runs on the client's event thread
 * but parsing and recording.
 */
final class TestClient implements AutoCloseable {
    record Received(long nanos, JsonObject body) {}

    private static final List<String> EVENTS = List.of("snapshot", "room:update", "game:event", "game:info", "room:kicked",
            "room:closed", "server:error", "server:shutdown");

    final Socket socket;
    final Map<String, List<Received>> events = new ConcurrentHashMap<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();

    TestClient(int port, String... transports) {
        this(URI.create("http://127.0.0.1:" + port), transports);
    }

    /**
     * A client of the server at {@code url}; a path in it is where that server's Socket.IO is reached
     * ({@code http://entry/n1} speaks at {@code /n1/socket.io}, as behind a path-routing proxy).
     */
    TestClient(URI url, String... transports) {
        String prefix = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        IO.Options o = IO.Options.builder()
                .setTransports(transports.length == 0 ? new String[] {"websocket"} : transports)
                .setReconnection(false)
                .setForceNew(true)
                .setPath(prefix + "/socket.io")
                .build();
        socket = IO.socket(URI.create(url.getScheme() + "://" + url.getAuthority()), o);
        for (String e : EVENTS) {
            events.put(e, new CopyOnWriteArrayList<>());
            socket.on(e, args -> events.get(e).add(new Received(System.nanoTime(), toJson(args))));
        }
        socket.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, a -> connected.completeExceptionally(new IllegalStateException(
                "connect_error: " + (a.length > 0 ? a[0] : ""))));
        socket.connect();
    }

    static TestClient connect(URI url, String... transports) throws Exception {
        TestClient c = new TestClient(url, transports);
        c.connected.get(10, TimeUnit.SECONDS);
        return c;
    }

    static TestClient connect(int port, String... transports) throws Exception {
        TestClient c = new TestClient(port, transports);
        c.connected.get(10, TimeUnit.SECONDS);
        return c;
    }

    private static JsonObject toJson(Object[] args) {
        if (args.length == 0 || args[0] == null) return new JsonObject();
        JsonElement e = JsonParser.parseString(args[0].toString());
        return e.isJsonObject() ? e.getAsJsonObject() : wrap(e);
    }

    private static JsonObject wrap(JsonElement e) {
        JsonObject o = new JsonObject();
        o.add("value", e);
        return o;
    }

    /** Emits with an ack; the future completes with the ack's first argument. */
    CompletableFuture<JsonObject> request(String event, String json) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        socket.emit(event, new Object[] {parse(json)}, args -> f.complete(toJson(args)));
        return f;
    }

    JsonObject call(String event, String json) throws Exception {
        return request(event, json).get(10, TimeUnit.SECONDS);
    }

    void emit(String event, String json) {
        socket.emit(event, parse(json));
    }

    /** The old org.json the client ships with throws a checked exception from its constructor. */
    private static JSONObject parse(String json) {
        try {
            return new JSONObject(json);
        } catch (org.json.JSONException e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<Received> got(String event) {
        return events.get(event);
    }

    JsonObject last(String event) {
        List<Received> l = events.get(event);
        return l.isEmpty() ? null : l.get(l.size() - 1).body();
    }

    /** This player's entry in the latest snapshot, or null. */
    JsonObject me(int id) {
        JsonObject s = last("snapshot");
        if (s == null) return null;
        for (JsonElement p : s.getAsJsonArray("players")) {
            if (p.getAsJsonObject().get("id").getAsInt() == id) return p.getAsJsonObject();
        }
        return null;
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
