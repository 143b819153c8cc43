package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.net.NetLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 5: 5,000 polling handshakes from one address were accepted in under a second,
 * each held for 45 s, and no metric showed them. Sessions not yet connected to a namespace are
 * capped per address and in total, and shown as {@code skirmish_pending_handshakes}.
 */
class HandshakeFloodIT {
    static final int PER_ADDRESS = 20;
    static final int TOTAL = 12;

    @RegisterExtension
    static final TestServer perAddress = new TestServer(c -> c.withNet(c.net().withLimits(
            NetLimits.defaults().withPendingHandshakes(10_000, PER_ADDRESS))));
    @RegisterExtension
    static final TestServer total = new TestServer(c -> c.withNet(c.net().withLimits(
            NetLimits.defaults().withPendingHandshakes(TOTAL, 10_000))));

    static final String HANDSHAKE = "/socket.io/?EIO=4&transport=polling";

    static String sid(String openPacket) {
        int i = openPacket.indexOf("\"sid\":\"") + 7;
        return openPacket.substring(i, openPacket.indexOf('"', i));
    }

    @Test
    void handshakesNeverFollowedUpAreCappedPerAddressAndReleasedOnConnect() throws Exception {
        int port = perAddress.port;
        List<String> sids = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < PER_ADDRESS + 30; i++) {
            HttpResponse<String> r = Http.get(port, HANDSHAKE);
            if (r.statusCode() == 200) {
                sids.add(sid(r.body()));
            } else {
                assertEquals(403, r.statusCode(), r.body());
                assertTrue(r.body().contains("SERVER_FULL"), r.body());
                refused++;
            }
        }
        assertEquals(PER_ADDRESS, sids.size(), "admitted up to the cap");
        assertEquals(30, refused);
        PromMetrics m = PromMetrics.scrape(port);
        assertEquals(30, m.sum("skirmish_handshakes_refused_total", "reason=\"pending_handshakes_per_address\""));
        assertEquals(PER_ADDRESS, m.sum("skirmish_pending_handshakes"));

        // Sessions that connect are no longer pending: their slots are free again.
        HttpClient client = HttpClient.newHttpClient();
        for (String sid : sids.subList(0, 5)) {
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + HANDSHAKE + "&sid=" + sid))
                    .POST(HttpRequest.BodyPublishers.ofString("40")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
        }
        await().atMost(5, TimeUnit.SECONDS).until(() ->
                PromMetrics.scrape(port).sum("skirmish_pending_handshakes") == PER_ADDRESS - 5);
        assertEquals(200, Http.get(port, HANDSHAKE).statusCode(), "a new handshake fits again");
        assertEquals(200, Http.get(port, "/healthz").statusCode());
    }

    @Test
    void handshakesNeverFollowedUpAreCappedInTotal() throws Exception {
        int port = total.port;
        int admitted = 0;
        for (int i = 0; i < TOTAL + 5; i++) {
            if (Http.get(port, HANDSHAKE).statusCode() == 200) admitted++;
        }
        assertEquals(TOTAL, admitted);
        PromMetrics m = PromMetrics.scrape(port);
        assertEquals(5, m.sum("skirmish_handshakes_refused_total", "reason=\"pending_handshakes\""));
        assertEquals(TOTAL, m.sum("skirmish_pending_handshakes"));
        assertEquals(200, Http.get(port, "/healthz").statusCode());
    }
}
