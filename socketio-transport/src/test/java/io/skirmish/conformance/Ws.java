package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client ({@link java.net.http.WebSocket}) that queues what it receives: text
 * messages, binary messages and the end of the connection. Optionally answers Engine.IO pings ("2")
 * itself, for tests that outlive the ping timeout.
 */
final class Ws implements WebSocket.Listener, AutoCloseable {
    sealed interface Msg permits Text, Binary, Closed, Failed {}

    record Text(String text) implements Msg {}

    record Binary(byte[] bytes) implements Msg {}

    /** The server closed the connection with a close frame: its status code and reason. */
    record Closed(int status, String reason) implements Msg {}

    /** The connection broke without a close frame (a reset, an I/O error): not the same as a close. */
    record Failed(Throwable error) implements Msg {}

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private final boolean autoPong;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket ws;

    private Ws(boolean autoPong) {
        this.autoPong = autoPong;
    }

    static String url(int port, String query) {
        return "ws://127.0.0.1:" + port + "/socket.io/?" + query;
    }

    static Ws connect(int port, String query, boolean autoPong, Map<String, String> headers) {
        Ws w = new Ws(autoPong);
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        try {
            w.ws = b.buildAsync(URI.create(url(port, query)), w).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket to ?" + query + " failed", e);
        }
        return w;
    }

    /** A new Engine.IO session over WebSocket; the open packet is consumed and returned. */
    static Ws open(int port, boolean autoPong) {
        Ws w = connect(port, "EIO=4&transport=websocket", autoPong, Map.of());
        String open = w.text();
        if (!open.startsWith("0{")) {
            fail("expected an open packet, got " + open);
        }
        w.openPacket = open;
        return w;
    }

    /** A session connected to the main namespace: open, {@code 40}, its answer and the {@code auth} event consumed. */
    static Ws connected(int port, boolean autoPong) {
        Ws w = open(port, autoPong);
        w.send("40");
        String ok = w.text();
        if (!ok.startsWith("40{")) {
            fail("expected a CONNECT answer, got " + ok);
        }
        assertEquals("42[\"auth\",{}]", w.text());
        return w;
    }

    String openPacket;

    /** The HTTP status with which the server refused a WebSocket handshake (fails if it accepted). */
    static int refusedStatus(int port, String query) {
        try {
            WebSocket w = HTTP.newWebSocketBuilder().buildAsync(URI.create(url(port, query)), new WebSocket.Listener() { })
                    .get(5, TimeUnit.SECONDS);
            w.abort();
            return fail("handshake accepted: ?" + query);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String s) {
        ws.sendText(s, true).join();
    }

    void send(byte[] b) {
        ws.sendBinary(ByteBuffer.wrap(b), true).join();
    }

    /** The next message, whatever it is; fails after {@link #WAIT}. */
    Msg next() {
        try {
            Msg m = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                fail("nothing received in " + WAIT);
            }
            return m;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must be text. */
    String text() {
        Msg m = next();
        assertInstanceOf(Text.class, m, () -> "expected text, got " + m);
        return ((Text) m).text();
    }

    /** The next message other than a ping, which must be text. */
    String textSkippingPings() {
        while (true) {
            String t = text();
            if (!t.equals("2")) return t;
        }
    }

    /** The next text message starting with {@code prefix}, skipping others (at most 200). */
    String textStartingWith(String prefix) {
        for (int i = 0; i < 200; i++) {
            String t = text();
            if (t.startsWith(prefix)) return t;
        }
        return fail("no message starting with " + prefix);
    }

    /** The next message, which must be binary. */
    byte[] binary() {
        Msg m = next();
        assertInstanceOf(Binary.class, m, () -> "expected binary, got " + m);
        return ((Binary) m).bytes();
    }

    /** The next message must be binary with exactly these bytes (given as ints 0..255). */
    void expectBinary(int... expected) {
        byte[] b = new byte[expected.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) expected[i];
        assertArrayEquals(b, binary());
    }

    /**
     * Waits for the server to close the connection with a close frame, skipping pings. Fails, naming
     * the cause, on anything else: another message, a connection that broke without a close frame, or
     * nothing within {@link #WAIT}.
     */
    Closed awaitClosed() {
        return awaitClosedWithin(WAIT);
    }

    /**
     * As {@link #awaitClosed()}, but the close frame must come within {@code bound} of this call: a
     * bound shorter than any timer of the session shows that what the test did closed it, not a timeout.
     */
    Closed awaitClosedWithin(Duration bound) {
        long begin = System.nanoTime();
        Msg m = nextEnd(bound);
        long ms = (System.nanoTime() - begin) / 1_000_000;
        if (m instanceof Closed c) {
            if (ms > bound.toMillis()) {
                fail("the close frame came after " + ms + " ms, over the bound of " + bound.toMillis() + " ms");
            }
            return c;
        }
        if (m instanceof Failed f) {
            throw new AssertionError("the connection broke without a close frame after " + ms + " ms", f.error());
        }
        return fail(m == null ? "not closed within " + bound.toMillis() + " ms" : "expected the connection to close, got " + m);
    }

    /**
     * Waits for the end of the connection, whichever way it ends (a close frame or a broken connection),
     * skipping pings; for a test where the client is still writing when the server gives up on it, so that
     * a reset may come before the close frame is read. Fails on another message or on nothing within {@link #WAIT}.
     */
    Msg awaitEnd() {
        Msg m = nextEnd(WAIT);
        if (m instanceof Closed || m instanceof Failed) return m;
        return fail(m == null ? "the connection did not end within " + WAIT : "expected the connection to end, got " + m);
    }

    /** The first message other than a ping within the bound (null when none came). */
    private Msg nextEnd(Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                // a little past the bound, so that a late close is reported as late rather than as missing
                Msg m = inbox.poll(Math.max(0, left) + 2_000_000_000L, TimeUnit.NANOSECONDS);
                if (m instanceof Text t && t.text().equals("2")) continue;
                return m;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String t = text.toString();
            text.setLength(0);
            if (autoPong && t.equals("2")) {
                webSocket.sendText("3", true);
            } else {
                inbox.add(new Text(t));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        binary.writeBytes(b);
        if (last) {
            inbox.add(new Binary(binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // 1006 is the JDK's word for "closed without a close frame": not a close frame
        inbox.add(statusCode == 1006
                ? new Failed(new java.io.IOException("closed without a close frame (1006)"))
                : new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inbox.add(new Failed(error));
    }

    @Override
    public void close() {
        ws.abort();
    }
}
