package io.skirmish.net.conformance;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import io.skirmish.loop.Ticker;
import io.skirmish.net.NetConfig;
import io.skirmish.net.NetMetrics;
import io.skirmish.net.SocketServer;
import io.skirmish.transport.engine.EngineSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference behaviour the official Socket.IO protocol test suite expects
 * ({@code socketio/socket.io-protocol}, {@code test-suite/}), on exactly the game server's Socket.IO
 * stack ({@link SocketServer}): ping interval 300 ms, ping timeout 200 ms, max payload 1,000,000,
 * connect timeout 1,000 ms, CORS for any origin, and
 * <ul>
 *   <li>{@code /}: on connect emits {@code auth} with the CONNECT payload; {@code message} is echoed
 *       as {@code message-back} with the same arguments; {@code message-with-ack} acks with its
 *       arguments;</li>
 *   <li>{@code /custom}: on connect emits {@code auth} with the CONNECT payload.</li>
 * </ul>
 * One extension, not used by the official suite, for our own tests of auth gating:
 * {@code /secure} accepts a CONNECT only with {@code {"token":"secret"}} (else a {@code connect_error}
 * {@code {"message":"unauthorized"}}); members are in room {@code members}; {@code shout} is broadcast
 * to the room as {@code shout-back}; {@code message} is echoed as on {@code /}.
 */
public final class ConformanceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConformanceServer.class);

    public static final int PING_INTERVAL_MS = 300;
    public static final int PING_TIMEOUT_MS = 200;
    public static final int MAX_PAYLOAD = 1_000_000;
    public static final int CONNECT_TIMEOUT_MS = 1_000;
    public static final String SECRET = "secret";

    /** The events its namespaces handle (others are counted as unknown). */
    static final Set<String> EVENTS = Set.of("message", "message-with-ack", "shout");

    private final SocketServer server;
    private final String host;
    private final int port;

    private ConformanceServer(String host, int port, int pingIntervalMs, int pingTimeoutMs) {
        // Any origin, as its CORS header says: the suite and third-party clients come from anywhere.
        NetConfig net = NetConfig.defaults().withAddress(host, port).withHeartbeat(pingIntervalMs, pingTimeoutMs)
                .withMaxPayload(MAX_PAYLOAD).withAllowedOrigins(List.of("*"));
        EngineSettings engine = EngineSettings.of(pingIntervalMs, pingTimeoutMs, MAX_PAYLOAD)
                .withConnectTimeout(CONNECT_TIMEOUT_MS)
                .withCorsOrigin("*");
        this.server = new SocketServer(net, engine, Ticker.system(), NetMetrics.NONE, EVENTS,
                (method, path, query) -> null, ConformanceServer::register);
        this.host = host;
        this.port = server.start();
    }

    /** Starts on {@code host:port} (port 0: a free one, see {@link #port()}); logs {@code listening on http://HOST:PORT}. */
    public static ConformanceServer start(String host, int port) {
        return start(host, port, PING_INTERVAL_MS, PING_TIMEOUT_MS);
    }

    /** As {@link #start(String, int)} with another heartbeat (the official suite needs 300 ms / 200 ms). */
    public static ConformanceServer start(String host, int port, int pingIntervalMs, int pingTimeoutMs) {
        ConformanceServer s = new ConformanceServer(host, port, pingIntervalMs, pingTimeoutMs);
        log.info("listening on http://{}:{}", host, s.port);
        return s;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    /** Live Engine.IO sessions (connected to a namespace or not). */
    public int sessions() {
        return server.sessions();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void register(SocketIOServer io) {
        io.addConnectListener(ConformanceServer::emitAuth);
        io.addMultiTypeEventListener("message", (client, args, ack) ->
                client.sendEvent("message-back", args.getArgs().toArray()), Object.class);
        io.addMultiTypeEventListener("message-with-ack", (client, args, ack) ->
                ack.sendAckData(args.getArgs()), Object.class);

        SocketIONamespace custom = io.addNamespace("/custom");
        custom.addConnectListener(ConformanceServer::emitAuth);

        SocketIONamespace secure = io.addNamespace("/secure");
        secure.addAuthTokenListener((auth, client) -> auth instanceof Map<?, ?> m && SECRET.equals(m.get("token"))
                ? AuthTokenResult.AuthTokenResultSuccess : new AuthTokenResult(false, Map.of("message", "unauthorized")));
        secure.addConnectListener(client -> client.joinRoom("members"));
        secure.addMultiTypeEventListener("shout", (client, args, ack) ->
                secure.getRoomOperations("members").sendEvent("shout-back", args.getArgs().toArray()), Object.class);
        secure.addMultiTypeEventListener("message", (client, args, ack) ->
                client.sendEvent("message-back", args.getArgs().toArray()), Object.class);
    }

    /** Echoes the CONNECT payload ({@code {}} when there was none). */
    private static void emitAuth(SocketIOClient client) {
        Object auth = client.getHandshakeData().getAuthToken();
        client.sendEvent("auth", auth != null ? auth : new LinkedHashMap<String, Object>());
    }
}
