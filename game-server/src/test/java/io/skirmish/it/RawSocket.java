package io.skirmish.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw Engine.IO v4 WebSocket client: sends exactly the frames a test writes, so tests can speak
 * the protocol badly on purpose. {@link #open(int)} does the Engine.IO open and Socket.IO CONNECT.
 */
final class RawSocket implements AutoCloseable {
    /** How a connection ended. */
    sealed interface End permits CloseFrame, Broken {}

    /** The server closed it with a close frame. */
    record CloseFrame(int status, String reason) implements End {}

    /** It broke without a close frame (a reset, a failed write): not the same as the server closing it. */
    record Broken(Throwable error) implements End {}

    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    /** How the connection ended: set once, by the first of a close frame or an error. */
    final CompletableFuture<End> end = new CompletableFuture<>();
    final WebSocket ws;
    /** A send failed: the server closed the connection under us. */
    volatile boolean sendFailed;
    /** When false the client stops answering pings, as a half-open connection would. */
    volatile boolean answerPings = true;

    private RawSocket(int port) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                        new WebSocket.Listener() {
                            private final StringBuilder part = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                part.append(data);
                                if (last) {
                                    String msg = part.toString();
                                    part.setLength(0);
                                    if (msg.equals("2") && answerPings) {
                                        w.sendText("3", true); // answer pings like a live client
                                    }
                                    texts.add(msg);
                                }
                                w.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                                w.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                                // 1006 is the JDK's word for "closed without a close frame": not a close frame
                                end.complete(status == 1006
                                        ? new Broken(new java.io.IOException("closed without a close frame (1006)"))
                                        : new CloseFrame(status, reason));
                                return null;
                            }

                            @Override
                            public void onError(WebSocket w, Throwable error) {
                                end.complete(new Broken(error));
                            }
                        })
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens a session and connects to the default namespace. */
    static RawSocket open(int port) throws Exception {
        RawSocket s = new RawSocket(port);
        String open = s.next();
        if (!open.startsWith("0{")) throw new IllegalStateException("expected an open packet, got " + open);
        s.send("40");
        String connect = s.next();
        if (!connect.startsWith("40")) throw new IllegalStateException("expected CONNECT, got " + connect);
        return s;
    }

    String next() throws InterruptedException {
        String m = texts.poll(10, TimeUnit.SECONDS);
        if (m == null) throw new IllegalStateException("no message within 10 s");
        return m;
    }

    /** The next message that starts with the prefix (skipping others), within the timeout; or null. */
    String await(String prefix, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            String m = texts.poll(left, TimeUnit.NANOSECONDS);
            if (m != null && m.startsWith(prefix)) return m;
        }
        return null;
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    /** Sends and waits for the write; false (and closed) if the connection is gone. */
    boolean trySend(String text) {
        try {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            sendFailed = true;
            return false;
        }
    }

    void sendBinary(byte[] bytes) {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /**
     * Waits for the server to close the connection with a close frame, and returns its status. Fails,
     * naming the cause, when the connection broke without one or nothing came within {@code millis}.
     */
    int awaitServerClose(long millis) throws InterruptedException {
        End e = awaitEnd(millis);
        if (e instanceof CloseFrame f) return f.status();
        throw new AssertionError("the connection broke without a close frame", ((Broken) e).error());
    }

    /**
     * Waits for the end of the connection, however it came; fails when nothing came within {@code millis}
     * (saying whether a WebSocket ping still goes through, that is whether the connection is still open).
     */
    End awaitEnd(long millis) throws InterruptedException {
        try {
            return end.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no close frame nor error within " + millis + " ms; the connection "
                    + (pingGoesThrough() ? "is still open" : "is dead but the client was not told"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True while the connection is open: nothing ended it and a WebSocket ping frame goes through. */
    boolean isOpen() {
        return !sendFailed && !end.isDone() && !ws.isOutputClosed() && !ws.isInputClosed() && pingGoesThrough();
    }

    private boolean pingGoesThrough() {
        try {
            ws.sendPing(ByteBuffer.allocate(0)).get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        ws.abort();
    }
}
