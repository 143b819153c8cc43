package io.skirmish.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Plain HTTP requests and WebSocket handshakes with chosen headers, for the security tests. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return get(port, path, Map.of());
    }

    /** A WebSocket handshake's outcome: the open socket (status 101) or the refusal's status and body. */
    record Upgrade(int status, String body, WebSocket socket) implements AutoCloseable {
        @Override
        public void close() {
            if (socket != null) socket.abort();
        }
    }

    static Upgrade websocket(int port, String pathAndQuery, Map<String, String> headers, WebSocket.Listener listener)
            throws Exception {
        return websocket(CLIENT, port, pathAndQuery, headers, listener);
    }

    /** With its own client: its own selector thread, so other sockets' traffic does not delay it. */
    static Upgrade websocket(HttpClient client, int port, String pathAndQuery, Map<String, String> headers,
                             WebSocket.Listener listener) throws Exception {
        WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), listener)
                    .get(10, TimeUnit.SECONDS);
            return new Upgrade(101, "", ws);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                Object body = h.getResponse().body();
                return new Upgrade(h.getResponse().statusCode(), body == null ? "" : body.toString(), null);
            }
            throw e;
        }
    }

    static Upgrade websocket(int port, String pathAndQuery, Map<String, String> headers) throws Exception {
        return websocket(port, pathAndQuery, headers, new WebSocket.Listener() { });
    }
}
