package io.skirmish.net;

import java.nio.file.Path;

/**
 * Transport settings.
 *
 * @param host address to bind (use 127.0.0.1 in tests)
 * @param port port to bind; 0 picks a free one ({@link SocketServer#port()} tells which)
 * @param pingIntervalMs Engine.IO ping interval
 * @param pingTimeoutMs Engine.IO ping timeout
 * @param maxPayload largest accepted client message (WebSocket frame and HTTP body), in bytes
 * @param staticDir serve the browser client from this directory instead of the classpath (null: classpath)
 * @param workerThreads Netty I/O threads
 */
public record NetConfig(String host, int port, int pingIntervalMs, int pingTimeoutMs, int maxPayload, Path staticDir,
                        int workerThreads) {

    public static NetConfig defaults() {
        return new NetConfig("0.0.0.0", 3000, 25_000, 20_000, 16 * 1024, null,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public NetConfig withAddress(String host, int port) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads);
    }

    public NetConfig withStaticDir(Path dir) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, dir, workerThreads);
    }

    public NetConfig withHeartbeat(int intervalMs, int timeoutMs) {
        return new NetConfig(host, port, intervalMs, timeoutMs, maxPayload, staticDir, workerThreads);
    }

    public NetConfig withMaxPayload(int bytes) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, bytes, staticDir, workerThreads);
    }
}
