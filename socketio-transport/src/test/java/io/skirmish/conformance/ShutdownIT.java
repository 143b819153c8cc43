package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.transport.conformance.ConformanceServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping. netty-socketio's {@code stop()} took about 4 s (two event loop groups shut down one after
 * the other, 2 s quiet period each) and told clients nothing.
 */
class ShutdownIT {

    /** How long stopping an idle server takes on this machine now: the base the tests below compare with. */
    private static long idleStopMillis() {
        ConformanceServer idle = ConformanceServer.start("127.0.0.1", 0, 5_000, 5_000);
        long begin = System.nanoTime();
        idle.close();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /**
     * Stopping with clients must cost no more than stopping an idle server plus a little work per client:
     * never a timeout's worth (the 5 s heartbeat here, or netty's 2 s quiet periods). Measured against
     * the idle stop on the same machine at the same time, so that a loaded machine does not fail it.
     */
    @Test
    void stoppingIsFastAndTellsEveryKindOfClient() throws Exception {
        long idleMs = idleStopMillis();
        ConformanceServer server = ConformanceServer.start("127.0.0.1", 0, 5_000, 5_000);
        int port = server.port();
        Socket client = null;
        try (Ws ws = Ws.connected(port, true); RawHttp poll = new RawHttp(port)) {
            Polling p = new Polling(port);
            String sid = p.open();
            p.push(sid, "40");
            p.receive(sid, 2);
            poll.write("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid, null);
            p.handshake(); // a round trip, after which the poll waits on the server

            CompletableFuture<Object> disconnected = new CompletableFuture<>();
            CompletableFuture<Object> connected = new CompletableFuture<>();
            // Over polling: the Java client does not answer a WebSocket close frame, so over WebSocket it
            // would only notice by its ping timeout (the raw WebSocket above checks the close frame).
            client = IO.socket(URI.create("http://127.0.0.1:" + port), IO.Options.builder()
                    .setTransports(new String[] {"polling"}).setReconnection(false).setForceNew(true).build());
            client.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
            client.on(Socket.EVENT_DISCONNECT, a -> disconnected.complete(a.length > 0 ? a[0] : null));
            client.connect();
            connected.get(5, TimeUnit.SECONDS);

            long begin = System.nanoTime();
            server.close();
            long ms = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(ms < idleMs + 1_000, "stopped in " + ms + " ms; an idle server in " + idleMs + " ms");

            assertEquals(1001, ws.awaitClosed().status(), "WebSocket clients get a close frame: going away");
            RawHttp.Response r = poll.read();
            assertEquals(200, r.status());
            assertEquals("1", r.body(), "a waiting poll gets a close packet");
            Object reason = disconnected.get(5, TimeUnit.SECONDS);
            assertTrue("transport close".equals(reason) || "transport error".equals(reason),
                    "a client library sees a transport loss (and would reconnect), not a kick: " + reason);
            assertThrows(IllegalStateException.class, () -> p.handshake(), "the port is closed");
        } finally {
            server.close();
            if (client != null) client.close();
        }
    }

}
