package io.skirmish.it;

import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw Engine.IO WebSocket client on its own {@code HttpClient} threads that timestamps every
 * snapshot as it arrives and queues every other message. Unlike the io.socket Java client (one
 * event thread for every socket in the JVM), what one probe does never delays another's clock.
 */
final class WsProbe implements WebSocket.Listener, AutoCloseable {
    final List<Long> snapshotNanos = new CopyOnWriteArrayList<>();
    /** Each snapshot's server {@code time} (wall clock at send, ms), in the order of {@link #snapshotNanos}. */
    final List<Long> snapshotServerMillis = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder part = new StringBuilder();
    private Http.Upgrade upgrade;

    static WsProbe connect(int port, Map<String, String> headers) throws Exception {
        WsProbe p = new WsProbe();
        p.upgrade = Http.websocket(java.net.http.HttpClient.newHttpClient(), port, "/socket.io/?EIO=4&transport=websocket",
                headers, p);
        if (p.upgrade.status() != 101) throw new IllegalStateException("refused: " + p.upgrade.status());
        String open = p.next();
        if (!open.startsWith("0{")) throw new IllegalStateException("expected an open packet, got " + open);
        p.send("40");
        String connect = p.next();
        if (!connect.startsWith("40")) throw new IllegalStateException("expected CONNECT, got " + connect);
        return p;
    }

    void send(String text) {
        upgrade.socket().sendText(text, true).join();
    }

    /** The next non-snapshot message, within 10 s. */
    String next() throws InterruptedException {
        String m = messages.poll(10, TimeUnit.SECONDS);
        if (m == null) throw new IllegalStateException("no message within 10 s");
        return m;
    }

    /** The next message starting with {@code prefix}, skipping others, within 10 s. */
    String next(String prefix) throws InterruptedException {
        return next(prefix, 10);
    }

    String next(String prefix, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String m = messages.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m != null && m.startsWith(prefix)) return m;
        }
        throw new IllegalStateException("no " + prefix + " within " + seconds + " s");
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        part.append(data);
        if (last) {
            String msg = part.toString();
            part.setLength(0);
            if (msg.startsWith("42[\"snapshot\"")) {
                long arrived = System.nanoTime();
                snapshotServerMillis.add(serverTime(msg));
                snapshotNanos.add(arrived);
            } else if (msg.equals("2")) {
                w.sendText("3", true);
            } else {
                messages.add(msg);
            }
        }
        w.request(1);
        return null;
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("\"time\":(\\d+)");

    static long serverTime(String snapshot) {
        java.util.regex.Matcher m = TIME.matcher(snapshot);
        if (!m.find()) throw new IllegalStateException("a snapshot without time: " + snapshot);
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        upgrade.close();
    }
}
