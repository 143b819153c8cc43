package io.skirmish.recorder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The replay viewer: a small HTTP server (the JDK's) that serves the viewer page (bundled with the
 * browser client under {@code public/replay/}) and one replayed recording as JSON:
 * {@code /api/info}, {@code /api/frames}, {@code /api/events}.
 */
public final class ReplayServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "map", "application/json; charset=utf-8");
    private final HttpServer http;
    private final byte[] info;
    private final byte[] frames;
    private final byte[] events;

    public ReplayServer(ReplayTimeline timeline, String host, int port) throws IOException {
        this.info = timeline.info().toString().getBytes(StandardCharsets.UTF_8);
        this.frames = timeline.framesJson().getBytes(StandardCharsets.UTF_8);
        this.events = timeline.events().toString().getBytes(StandardCharsets.UTF_8);
        http = HttpServer.create(new InetSocketAddress(host, port), 16);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "replay-http");
            t.setDaemon(true);
            return t;
        }));
    }

    public ReplayServer start() {
        http.start();
        return this;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/api/info" -> send(ex, 200, "application/json", info, true);
                case "/api/frames" -> send(ex, 200, "application/json", frames, true);
                case "/api/events" -> send(ex, 200, "application/json", events, true);
                default -> {
                    String rel = path.equals("/") ? "index.html" : path.substring(1);
                    byte[] body = rel.contains("..") ? null : resource("public/replay/" + rel);
                    if (body == null) {
                        send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), false);
                    } else {
                        String ext = rel.substring(rel.lastIndexOf('.') + 1);
                        send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body, false);
                    }
                }
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReplayServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean gzip) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'");
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (gzip && accept != null && accept.contains("gzip")) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(status, 0);
            try (OutputStream out = new GZIPOutputStream(ex.getResponseBody())) {
                out.write(body);
            }
            return;
        }
        ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (!ex.getRequestMethod().equals("HEAD")) ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
