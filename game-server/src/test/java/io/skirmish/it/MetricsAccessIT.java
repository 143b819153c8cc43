package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.net.MetricsAccess;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 6: {@code /metrics} was public on the game port with no way to move or restrict
 * it. It can be served on its own address and port, or require a bearer token, or both.
 */
class MetricsAccessIT {
    static final String TOKEN = "t0ken-for-tests";

    @RegisterExtension
    static final TestServer separate = new TestServer(c -> c.withNet(c.net().withMetricsAccess(
            new MetricsAccess("127.0.0.1", 0, TOKEN))));
    @RegisterExtension
    static final TestServer tokenOnly = new TestServer(c -> c.withNet(c.net().withMetricsAccess(
            new MetricsAccess(null, -1, TOKEN))));

    static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);

    @Test
    void onASeparatePortTheGamePortHasNoMetrics() throws Exception {
        assertEquals(404, Http.get(separate.port, "/metrics", BEARER).statusCode(), "not on the game port");
        int mport = separate.server.metricsPort();
        assertTrue(mport > 0 && mport != separate.port);
        assertEquals(401, Http.get(mport, "/metrics").statusCode(), "the token is still needed");
        HttpResponse<String> ok = Http.get(mport, "/metrics", BEARER);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("skirmish_connections"), "the server's metrics");
        assertEquals(200, Http.get(separate.port, "/healthz").statusCode());
    }

    @Test
    void withATokenOnTheGamePortAScrapeNeedsIt() throws Exception {
        HttpResponse<String> none = Http.get(tokenOnly.port, "/metrics");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, Http.get(tokenOnly.port, "/metrics", Map.of("Authorization", "Bearer wrong")).statusCode());
        assertEquals(401, Http.get(tokenOnly.port, "/metrics", Map.of("Authorization", TOKEN)).statusCode());
        HttpResponse<String> ok = Http.get(tokenOnly.port, "/metrics", BEARER);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("skirmish_connections"));
        assertEquals(-1, tokenOnly.server.metricsPort());
    }
}
