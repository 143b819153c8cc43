package io.skirmish.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skirmish.net.MetricsAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics} on its own address and port (for example a private interface a Prometheus
 * scraper reaches and players do not), with the same optional bearer token. The JDK's small HTTP
 * server on one thread: a scrape costs a millisecond or so and nothing else is served here.
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService thread;

    private MetricsServer(HttpServer http, ExecutorService thread) {
        this.http = http;
        this.thread = thread;
    }

    public static MetricsServer start(MetricsAccess access, Supplier<String> scrape) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(access.host(), access.port()), 16);
            http.createContext("/metrics", ex -> serve(ex, access, scrape));
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "metrics-http");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(thread);
            http.start();
            return new MetricsServer(http, thread);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the metrics port " + access.port(), e);
        }
    }

    private static void serve(HttpExchange ex, MetricsAccess access, Supplier<String> scrape) throws IOException {
        try (ex) {
            int status;
            byte[] body;
            if (!ex.getRequestURI().getPath().equals("/metrics")
                    || !(ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD"))) {
                status = 404;
                body = "not found\n".getBytes(StandardCharsets.UTF_8);
            } else if (!access.authorizes(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "unauthorized\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"metrics\"");
            } else {
                status = 200;
                body = scrape.get().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            }
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        thread.shutdownNow();
    }
}
