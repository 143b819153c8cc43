package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.net.NetLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 2 (slow requests after the first one on a keep-alive connection stayed open for
 * as long as they trickled) and the TCP cap per address, enforced at accept: many idle connections
 * from one address do not all get a file descriptor for seconds.
 */
class SlowClientsIT {
    static final int REQUEST_TIMEOUT_MS = 1_500;
    static final int TCP_PER_ADDRESS = 30;

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withNet(c.net().withLimits(
            NetLimits.defaults().withRequestTimeoutMs(REQUEST_TIMEOUT_MS))));
    @RegisterExtension
    static final TestServer capped = new TestServer(c -> c.withNet(c.net().withLimits(
            NetLimits.defaults().withMaxTcpPerAddress(TCP_PER_ADDRESS))));

    final List<AutoCloseable> open = new ArrayList<>();
    final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void closeAll() throws Exception {
        trickler.shutdownNow();
        for (AutoCloseable c : open) c.close();
        open.clear();
    }

    /** Sends {@code text} one byte every 100 ms (the attack's pace) until it is all sent or the server closed. */
    AtomicBoolean trickle(RawConnection c, String text) {
        AtomicBoolean failed = new AtomicBoolean();
        int[] i = {0};
        trickler.scheduleAtFixedRate(() -> {
            if (i[0] < text.length() && !failed.get()) {
                if (!c.tryWrite(text.substring(i[0], i[0] + 1))) failed.set(true);
                i[0]++;
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return failed;
    }

    double timeouts(int port) throws Exception {
        return PromMetrics.scrape(port).sum("skirmish_limit_hits_total", "limit=\"request_timeout\"");
    }

    @Test
    void aSlowSecondRequestIsCutOff() throws Exception {
        double before = timeouts(server.port);
        RawConnection c = new RawConnection(server.port);
        open.add(c);
        c.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(c.readResponse(5_000).startsWith("HTTP/1.1 200"), "the first request is served");
        // The second request's headers, one byte every 100 ms: 60 bytes would take 6 s.
        trickle(c, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa\r\n\r\n");
        assertTrue(c.closedWithin(REQUEST_TIMEOUT_MS + 3_000), "the trickling second request was cut off");
        assertEquals(before + 1, timeouts(server.port), "counted as a request timeout");
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }

    @Test
    void aSlowBodyOnAKeepAliveConnectionIsCutOff() throws Exception {
        double before = timeouts(server.port);
        RawConnection c = new RawConnection(server.port);
        open.add(c);
        c.write("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        String open = c.readResponse(5_000);
        assertTrue(open.contains("0{\"sid\":\""), open);
        String sid = open.substring(open.indexOf("0{\"sid\":\"") + 9, open.indexOf('"', open.indexOf("0{\"sid\":\"") + 9));
        c.write("POST /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\n");
        trickle(c, "4".repeat(100)); // the body at 10 bytes a second: 10 s
        assertTrue(c.closedWithin(REQUEST_TIMEOUT_MS + 3_000), "the trickling body was cut off");
        assertEquals(before + 1, timeouts(server.port), "counted as a request timeout");
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }

    @Test
    void aLongPollAndAWebSocketAreNotRequestsInProgress() throws Exception {
        double before = timeouts(server.port);
        try (RawSocket ws = RawSocket.open(server.port)) {
            // Longer than the request timeout: the WebSocket lives on its heartbeat, not the HTTP deadline.
            await().pollDelay(REQUEST_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS).atMost(10, TimeUnit.SECONDS)
                    .until(() -> true);
            assertTrue(ws.isOpen(), "an idle WebSocket is not a slow request");
        }
        assertEquals(before, timeouts(server.port));
    }

    @Test
    void idleConnectionsOverThePerAddressCapAreClosedAtAccept() throws Exception {
        double before = 0; // only this test connects to this server: nothing may hold a connection before it
        List<RawConnection> all = new ArrayList<>();
        for (int i = 0; i < TCP_PER_ADDRESS + 20; i++) {
            RawConnection c = new RawConnection(capped.port);
            open.add(c);
            all.add(c);
        }
        // Connections are spread over the I/O threads, so which ones were over the cap is not their
        // order here: count them. Closed at accept means within a moment, not after a request timeout.
        java.util.Set<RawConnection> closed = new java.util.HashSet<>();
        await().atMost(2, TimeUnit.SECONDS).until(() -> {
            for (RawConnection c : all) {
                if (!closed.contains(c) && c.closedWithin(5)) closed.add(c);
            }
            return closed.size() >= 20;
        });
        for (RawConnection c : all) {
            if (!closed.contains(c)) assertFalse(c.closedWithin(10), "the connections under the cap are kept");
        }
        assertEquals(20, closed.size(), "the connections over the cap are closed at accept");
        // The scrape below needs a connection of its own: the cap leaves none until some are closed.
        for (int i = 0; i < 5; i++) all.get(i).close();
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            try {
                return PromMetrics.scrape(capped.port).sum("skirmish_limit_hits_total",
                        "limit=\"tcp_per_address\"") >= before + 20;
            } catch (Exception e) {
                return false;
            }
        });
        closeAll();
        await().atMost(5, TimeUnit.SECONDS).until(() -> Http.get(capped.port, "/healthz").statusCode() == 200);
        try (RawSocket s = RawSocket.open(capped.port)) {
            assertTrue(s.isOpen(), "a player still connects");
        }
    }
}
