package io.skirmish.transport;

/**
 * How the Engine.IO / Socket.IO layer behaves on the wire.
 *
 * @param pingIntervalMs the server sends an Engine.IO ping this long after the last pong
 * @param pingTimeoutMs a client that has not answered a ping after this long is closed
 * @param maxPayload largest client message (WebSocket frame, HTTP body), advertised in the open packet
 * @param connectTimeoutMs a session that has not connected to any namespace after this long is closed
 * @param upgradeTimeoutMs a WebSocket probe that has not completed the upgrade after this long is closed
 * @param maxQueuedPackets volatile sends (snapshots) are skipped while this many packets wait for the client
 * @param maxBacklogPackets a client with more packets than this waiting for it is disconnected
 * @param maxBacklogBytes a WebSocket client with more bytes than this waiting in its socket buffer is disconnected
 * @param corsOrigin the {@code Access-Control-Allow-Origin} of Engine.IO responses; null sends no CORS headers
 */
public record EngineSettings(int pingIntervalMs, int pingTimeoutMs, int maxPayload, int connectTimeoutMs,
                             int upgradeTimeoutMs, int maxQueuedPackets, int maxBacklogPackets, long maxBacklogBytes,
                             String corsOrigin) {

    public EngineSettings {
        if (pingIntervalMs <= 0 || pingTimeoutMs <= 0 || maxPayload <= 0 || connectTimeoutMs <= 0
                || upgradeTimeoutMs <= 0) {
            throw new IllegalArgumentException("timeouts and maxPayload must be positive");
        }
        if (maxQueuedPackets <= 0 || maxBacklogPackets < maxQueuedPackets || maxBacklogBytes <= 0) {
            throw new IllegalArgumentException("need 0 < maxQueuedPackets <= maxBacklogPackets and maxBacklogBytes > 0");
        }
    }

    /** Node's defaults for the rest: 45 s connect timeout, 10 s upgrade timeout; no CORS. */
    public static EngineSettings of(int pingIntervalMs, int pingTimeoutMs, int maxPayload) {
        return new EngineSettings(pingIntervalMs, pingTimeoutMs, maxPayload, 45_000, 10_000, 32, 2_048,
                4L * 1024 * 1024, null);
    }

    public EngineSettings withConnectTimeout(int ms) {
        return new EngineSettings(pingIntervalMs, pingTimeoutMs, maxPayload, ms, upgradeTimeoutMs, maxQueuedPackets,
                maxBacklogPackets, maxBacklogBytes, corsOrigin);
    }

    public EngineSettings withOutboundLimits(int queuedPackets, int backlogPackets, long backlogBytes) {
        return new EngineSettings(pingIntervalMs, pingTimeoutMs, maxPayload, connectTimeoutMs, upgradeTimeoutMs,
                queuedPackets, backlogPackets, backlogBytes, corsOrigin);
    }

    public EngineSettings withCorsOrigin(String origin) {
        return new EngineSettings(pingIntervalMs, pingTimeoutMs, maxPayload, connectTimeoutMs, upgradeTimeoutMs,
                maxQueuedPackets, maxBacklogPackets, maxBacklogBytes, origin);
    }
}
