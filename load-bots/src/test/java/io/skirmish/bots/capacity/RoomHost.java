package io.skirmish.bots.capacity;

import io.skirmish.protocol.Events;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/** A test's own player: creates a private room of a given size and starts its round, then stays in it. */
public final class RoomHost implements AutoCloseable {
    private final Socket socket;
    private final String code;

    private RoomHost(Socket socket, String code) {
        this.socket = socket;
        this.code = code;
    }

    public static RoomHost create(String url, int maxPlayers) throws Exception {
        IO.Options o = new IO.Options();
        o.forceNew = true;
        o.transports = new String[] {WebSocket.NAME};
        Socket s = IO.socket(URI.create(url), o);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, a -> connected.complete(null));
        s.connect();
        connected.get(15, TimeUnit.SECONDS);
        JSONObject created = request(s, Events.ROOM_CREATE, new JSONObject(Map.of("name", "host",
                "settings", new JSONObject(Map.of("maxPlayers", maxPlayers, "roundSeconds", 600)))));
        String code = created.getJSONObject("room").getString("code");
        request(s, Events.ROOM_START, new JSONObject());
        return new RoomHost(s, code);
    }

    private static JSONObject request(Socket s, String event, JSONObject payload) throws Exception {
        CompletableFuture<JSONObject> answer = new CompletableFuture<>();
        s.emit(event, new Object[] {payload}, (Ack) args -> answer.complete((JSONObject) args[0]));
        JSONObject a = answer.get(15, TimeUnit.SECONDS);
        if (!a.optBoolean("ok")) {
            throw new IllegalStateException(event + " refused: " + a);
        }
        return a;
    }

    public String code() {
        return code;
    }

    @Override
    public void close() {
        socket.close();
    }
}
