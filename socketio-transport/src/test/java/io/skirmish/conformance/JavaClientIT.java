package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.transport.conformance.ConformanceServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Java Socket.IO v4 client ({@code io.socket:socket.io-client} 2.x) against the conformance
 * server: binary both ways on both transports (it received {@code [4, ...data]} from netty-socketio),
 * acks, namespaces, auth refusal, reconnection. Nothing blocks on the client's event thread.
 */
@ConformanceBase.SlowHeartbeat
class JavaClientIT extends ConformanceBase {
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(Socket::close);
    }

    private Socket socket(int port, String nsp, String transports, Map<String, String> auth, boolean reconnect) {
        IO.Options o = IO.Options.builder()
                .setTransports(transports.split(","))
                .setReconnection(reconnect)
                .setReconnectionDelay(100)
                .setReconnectionDelayMax(200)
                .setForceNew(true)
                .setAuth(auth)
                .build();
        Socket s = IO.socket(URI.create("http://127.0.0.1:" + port + nsp), o);
        sockets.add(s);
        return s;
    }

    private static CompletableFuture<Object[]> once(Socket s, String event) {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        s.once(event, f::complete);
        return f;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static JSONObject json(String key, Object value) {
        try {
            return new JSONObject().put(key, value);
        } catch (JSONException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling", "polling,websocket"})
    void binaryEventsAndAcksRoundTripExactly(String transports) throws Exception {
        Socket s = socket(port, "", transports, Map.of(), false);
        CompletableFuture<Object[]> auth = once(s, "auth");
        s.connect();
        assertEquals(0, ((JSONObject) get(auth)[0]).length());

        CompletableFuture<Object[]> back = once(s, "message-back");
        s.emit("message", new byte[] {1, 2, 3}, json("nested", new byte[] {4, 5}), JSONObject.NULL, "text");
        Object[] echoed = get(back);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) echoed[0], "no extra 0x04 byte");
        assertArrayEquals(new byte[] {4, 5}, (byte[]) ((JSONObject) echoed[1]).get("nested"));
        assertEquals(4, echoed.length);
        assertNull(echoed[2], "null survives (the client maps JSON null to Java null)");
        assertEquals("text", echoed[3]);

        CompletableFuture<Object[]> acked = new CompletableFuture<>();
        s.emit("message-with-ack", new Object[] {1, "2", new byte[] {9, 8}}, acked::complete);
        Object[] ack = get(acked);
        assertEquals(1, ack[0]);
        assertEquals("2", ack[1]);
        assertArrayEquals(new byte[] {9, 8}, (byte[]) ack[2]);
    }

    @Test
    void aCustomNamespaceGetsItsAuthPayload() throws Exception {
        Socket s = socket(port, "/custom", "websocket", Map.of("token", "abc"), false);
        CompletableFuture<Object[]> auth = once(s, "auth");
        s.connect();
        assertEquals("abc", ((JSONObject) get(auth)[0]).getString("token"));
    }

    @Test
    void aRefusedClientGetsConnectErrorWithTheMessageAndAnAcceptedOneIsAMember() throws Exception {
        Socket refused = socket(port, "/secure", "polling", Map.of("token", "guess"), false);
        CompletableFuture<Object[]> error = once(refused, Socket.EVENT_CONNECT_ERROR);
        refused.connect();
        Object data = get(error)[0];
        assertInstanceOf(JSONObject.class, data, "connect_error carries {message}, not a bare string");
        assertEquals("unauthorized", ((JSONObject) data).getString("message"));

        Socket member = socket(port, "/secure", "websocket", Map.of("token", ConformanceServer.SECRET), false);
        CompletableFuture<Object[]> connected = once(member, Socket.EVENT_CONNECT);
        member.connect();
        get(connected);
        CompletableFuture<Object[]> shout = once(member, "shout-back");
        member.emit("shout", "hello");
        assertEquals("hello", get(shout)[0]);
    }

    /**
     * With the reference heartbeat: the Java client does not answer a WebSocket close frame (so it
     * notices a server that went away by its ping timeout, 500 ms here), then reconnects.
     */
    @Test
    void aClientReconnectsWhenTheServerComesBack() throws Exception {
        ConformanceServer first = ConformanceServer.start("127.0.0.1", 0);
        int p = first.port();
        ConformanceServer second = null;
        try {
            Socket s = socket(p, "", "websocket", Map.of(), true);
            AtomicInteger connects = new AtomicInteger();
            s.on(Socket.EVENT_CONNECT, a -> connects.incrementAndGet());
            s.connect();
            await().atMost(10, TimeUnit.SECONDS).until(() -> connects.get() == 1);
            first.close();
            second = ConformanceServer.start("127.0.0.1", p);
            await().atMost(10, TimeUnit.SECONDS).until(() -> connects.get() == 2);
            CompletableFuture<Object[]> back = once(s, "message-back");
            s.emit("message", "after reconnect");
            assertEquals("after reconnect", get(back)[0]);
            assertTrue(s.connected());
        } finally {
            first.close();
            if (second != null) second.close();
        }
    }
}
