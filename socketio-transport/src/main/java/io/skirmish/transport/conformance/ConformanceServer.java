package io.skirmish.transport.conformance;

import io.skirmish.transport.EngineSettings;
import io.skirmish.transport.Namespace;
import io.skirmish.transport.Socket;
import io.skirmish.transport.SocketIoServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference behaviour the official Socket.IO protocol test suite expects
 * ({@code socketio/socket.io-protocol}, {@code test-suite/}), on the transport's API alone
 * ({@link SocketIoServer}, as the game server runs it): ping interval 300 ms, ping timeout 200 ms, max payload 1,000,000,
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

    private final SocketIoServer server;
    private final String host;
    private final int port;

    private ConformanceServer(String host, int port, int pingIntervalMs, int pingTimeoutMs) {
        // Any origin, as its CORS header says: the suite and third-party clients come from anywhere
        // (no session gate: every handshake is admitted).
        EngineSettings engine = EngineSettings.of(pingIntervalMs, pingTimeoutMs, MAX_PAYLOAD)
                .withConnectTimeout(CONNECT_TIMEOUT_MS)
                .withCorsOrigin("*");
        this.server = SocketIoServer.builder().host(host).port(port).settings(engine).build();
        register(server);
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

    private static void register(SocketIoServer io) {
        Namespace main = io.namespace();
        main.onConnect(ConformanceServer::emitAuth);
        main.on("message", (client, args, ack) -> client.emit("message-back", args.toArray()));
        main.on("message-with-ack", (client, args, ack) -> ack.send(args));

        Namespace custom = io.namespace("/custom");
        custom.onConnect(ConformanceServer::emitAuth);

        Namespace secure = io.namespace("/secure");
        secure.authorize((auth, handshake) -> auth instanceof Map<?, ?> m && SECRET.equals(m.get("token"))
                ? null : Map.of("message", "unauthorized"));
        secure.onConnect(client -> client.join("members"));
        secure.on("shout", (client, args, ack) -> secure.emitTo("members", "shout-back", args.toArray()));
        secure.on("message", (client, args, ack) -> client.emit("message-back", args.toArray()));
    }

    /** Echoes the CONNECT payload ({@code {}} when there was none). */
    private static void emitAuth(Socket client) {
        Object auth = client.handshake().auth();
        client.emit("auth", auth != null ? auth : new LinkedHashMap<String, Object>());
    }
}
