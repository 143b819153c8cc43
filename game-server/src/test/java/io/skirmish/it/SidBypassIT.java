package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 1: a request whose query had a {@code sid} key (empty, {@code &sid=}, or bare,
 * {@code &sid}) skipped the origin check and both connection caps, while Engine.IO treated it as a
 * new handshake. Every request that opens a session must pass them, on both transports.
 */
class SidBypassIT {
    static final int PER_ADDRESS = 4;
    static final List<String> SIDS = List.of("", "&sid=", "&sid", "&sid=&sid=x");
    static final Map<String, String> EVIL = Map.of("Origin", "https://evil.example");

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withNet(c.net().withConnectionLimits(1000, PER_ADDRESS)));
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
        open.clear();
    }

    @Test
    void anotherOriginIsRefusedWhateverTheSid() throws Exception {
        double before = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total", "reason=\"origin\"");
        for (String sid : SIDS) {
            HttpResponse<String> poll = Http.get(server.port, "/socket.io/?EIO=4&transport=polling" + sid, EVIL);
            assertEquals(403, poll.statusCode(), "polling with '" + sid + "': " + poll.body());
            assertTrue(poll.body().contains("FORBIDDEN_ORIGIN"), poll.body());
            try (Http.Upgrade ws = Http.websocket(server.port, "/socket.io/?EIO=4&transport=websocket" + sid, EVIL)) {
                assertEquals(403, ws.status(), "WebSocket with '" + sid + "' was opened");
            }
        }
        double after = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total", "reason=\"origin\"");
        assertEquals(before + 2 * SIDS.size(), after, "every refusal is counted");
        assertHealthy();
    }

    @Test
    void theConnectionCapsHoldWhateverTheSid() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            open.add(RawSocket.open(server.port));
        }
        double before = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total",
                "reason=\"connection_limit\"");
        for (String sid : SIDS) {
            HttpResponse<String> poll = Http.get(server.port, "/socket.io/?EIO=4&transport=polling" + sid);
            assertEquals(403, poll.statusCode(), "polling with '" + sid + "' over the cap: " + poll.body());
            assertTrue(poll.body().contains("SERVER_FULL"), poll.body());
            try (Http.Upgrade ws = Http.websocket(server.port, "/socket.io/?EIO=4&transport=websocket" + sid, Map.of())) {
                assertEquals(403, ws.status(), "WebSocket with '" + sid + "' over the cap was opened");
            }
        }
        double after = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total",
                "reason=\"connection_limit\"");
        assertEquals(before + 2 * SIDS.size(), after, "every refusal is counted");
        closeAll();
        assertHealthy();
    }

    @Test
    void theServersOwnOriginStillConnectsWithAnEmptySid() throws Exception {
        Map<String, String> own = Map.of("Origin", server.url(""));
        HttpResponse<String> poll = Http.get(server.port, "/socket.io/?EIO=4&transport=polling&sid=", own);
        assertEquals(200, poll.statusCode(), poll.body());
        assertTrue(poll.body().startsWith("0{"), poll.body());
    }

    private void assertHealthy() throws Exception {
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            try (RawSocket s = RawSocket.open(server.port)) {
                return true;
            }
        });
    }
}
