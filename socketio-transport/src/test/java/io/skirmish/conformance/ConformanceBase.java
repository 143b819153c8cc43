package io.skirmish.conformance;

import io.skirmish.transport.conformance.ConformanceServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Starts the conformance server (the official suite's reference behaviour: ping 300 ms, timeout
 * 200 ms, max payload 1,000,000, connect timeout 1 s) on 127.0.0.1 and a free port for a test class.
 */
abstract class ConformanceBase {
    /**
     * How soon a protocol violation must close a session that has joined its namespace: shorter than any
     * timer that could close it instead (the 1 s connect timeout, which joining cancels anyway, and the
     * heartbeat, which the helpers answer), so that a timeout cannot be mistaken for it.
     */
    static final java.time.Duration VIOLATION_CLOSE = java.time.Duration.ofMillis(900);

    static ConformanceServer server;
    static int port;
    static Polling polling;

    private final List<AutoCloseable> open = new ArrayList<>();

    /**
     * On a test class: run it with a slow heartbeat (5 s / 5 s) instead of the reference 300 ms / 200 ms,
     * for tests about something else that hold polling sessions without polling.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface SlowHeartbeat {}

    @BeforeAll
    static void startServer(TestInfo info) {
        boolean slow = info.getTestClass().map(c -> c.isAnnotationPresent(SlowHeartbeat.class)).orElse(false);
        server = slow ? ConformanceServer.start("127.0.0.1", 0, 5_000, 5_000) : ConformanceServer.start("127.0.0.1", 0);
        port = server.port();
        polling = new Polling(port);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClients() {
        open.forEach(Polling::closeQuietly);
        open.clear();
    }

    <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    /** A new WebSocket session (open packet consumed). */
    Ws ws() {
        return track(Ws.open(port, false));
    }

    /** A new WebSocket session that answers pings by itself. */
    Ws wsPonging() {
        return track(Ws.open(port, true));
    }

    /**
     * A WebSocket session connected to the main namespace (open, CONNECT answer and auth event
     * consumed) that answers pings by itself, so that no ping comes between what a test expects.
     */
    Ws connected() {
        return track(Ws.connected(port, true));
    }

    Ws wsRaw(String query) {
        return track(Ws.connect(port, query, false, Map.of()));
    }
}
