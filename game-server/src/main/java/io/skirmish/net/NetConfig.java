package io.skirmish.net;

import java.nio.file.Path;
import java.util.List;

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
 * @param events the per-connection budget on inbound messages
 * @param maxConnections live sessions in total
 * @param maxConnectionsPerAddress live sessions from one client address (load tests run 100s from one)
 * @param allowedOrigins browser origins allowed besides this server's own and localhost; {@code *} for any
 * @param limits the other bounds on what clients can make the server hold (timeouts, TCP, handshakes, rooms)
 * @param metricsAccess where {@code /metrics} is served and whether it needs a token
 */
public record NetConfig(String host, int port, int pingIntervalMs, int pingTimeoutMs, int maxPayload, Path staticDir,
                        int workerThreads, EventBudget.Limits events, int maxConnections, int maxConnectionsPerAddress,
                        List<String> allowedOrigins, NetLimits limits, MetricsAccess metricsAccess) {

    public NetConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static NetConfig defaults() {
        return new NetConfig("0.0.0.0", 3000, 25_000, 20_000, 16 * 1024, null,
                Math.max(2, Runtime.getRuntime().availableProcessors()), EventBudget.Limits.defaults(), 10_000, 500,
                List.of(), NetLimits.defaults(), MetricsAccess.PUBLIC);
    }

    public NetConfig withAddress(String host, int port) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withStaticDir(Path dir) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, dir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withHeartbeat(int intervalMs, int timeoutMs) {
        return new NetConfig(host, port, intervalMs, timeoutMs, maxPayload, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withMaxPayload(int bytes) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, bytes, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withEventLimits(EventBudget.Limits budget) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, budget,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withConnectionLimits(int total, int perAddress) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, events,
                total, perAddress, allowedOrigins, limits, metricsAccess);
    }

    public NetConfig withAllowedOrigins(List<String> origins) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, origins, limits, metricsAccess);
    }

    public NetConfig withLimits(NetLimits l) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, l, metricsAccess);
    }

    public NetConfig withMetricsAccess(MetricsAccess m) {
        return new NetConfig(host, port, pingIntervalMs, pingTimeoutMs, maxPayload, staticDir, workerThreads, events,
                maxConnections, maxConnectionsPerAddress, allowedOrigins, limits, m);
    }
}
