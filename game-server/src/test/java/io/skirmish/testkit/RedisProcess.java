package io.skirmish.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for cluster tests (the server's and the load bots'), on 127.0.0.1 and a free port, without
 * persistence. {@link #stop()} and {@link #start()} again on the same port simulate an outage.
 */
public final class RedisProcess implements AutoCloseable {
    public final int port;
    private Process process;

    public RedisProcess() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
    }

    public static RedisProcess started() throws Exception {
        RedisProcess r = new RedisProcess();
        r.start();
        return r;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server and returns once it accepts connections. */
    public void start() throws Exception {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice")
                .redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("Ready to accept connections")) ready.complete(null);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("redis-server ended before it was ready"));
        }, "redis-" + port);
        reader.setDaemon(true);
        reader.start();
        ready.get(20, TimeUnit.SECONDS);
    }

    /** Stops redis-server (its data is gone: nothing is persisted). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
