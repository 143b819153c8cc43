package io.skirmish.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP routes that need the whole request (headers, body, client address), set response headers,
 * and may answer later (for example after a room's next tick). The admin console uses these. The
 * object given to {@link SocketServer} as its {@link HttpRoutes} may also implement this; these
 * routes are tried first. Called on Netty I/O threads: must not block.
 */
public interface FullHttpRoutes {

    /**
     * @param headers request headers by lower-case name (the first value of each)
     * @param address the client's IP address
     */
    record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body, String address) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer with extra headers (for example {@code Set-Cookie}, {@code Content-Disposition}). */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Reply withHeaders(Map<String, String> more) {
            java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.putAll(more);
            return new Reply(status, contentType, body, h);
        }
    }

    /** The answer, or null when no route matches (the plain routes and static files are tried next). */
    CompletableFuture<Reply> handle(Request request);
}
