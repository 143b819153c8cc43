package io.skirmish.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The HTTP endpoints served beside Socket.IO on the same port. Called on Netty I/O threads: must be
 * quick and must not block.
 */
public interface HttpRoutes {

    /** An HTTP answer. */
    record Response(int status, String contentType, byte[] body) {
        public static Response json(int status, String json) {
            return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response text(int status, String contentType, String text) {
            return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Returns the answer for a request, or null when no route matches (the static files are tried next). */
    Response handle(String method, String path, Map<String, List<String>> query);
}
