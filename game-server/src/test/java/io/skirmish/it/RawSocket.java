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
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
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
                                closed.complete(status);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket w, Throwable error) {
                                closed.complete(-1);
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
     * True once the server closed the connection. The JDK client does not always report an abrupt
     * close (no close frame) to its listener, so probe with a WebSocket ping frame: it fails on a
     * dead connection.
     */
    boolean isClosed() {
        if (sendFailed || closed.isDone() || ws.isOutputClosed() || ws.isInputClosed()) {
            return true;
        }
        try {
            ws.sendPing(ByteBuffer.allocate(0)).get(2, TimeUnit.SECONDS);
            return false;
        } catch (Exception e) {
            sendFailed = true;
            return true;
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
