package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.transport.EngineSettings;
import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions on embedded channels with a frozen clock moved by hand: an engine with two namespaces
 * ({@code /} and {@code /admin}, whose auth wants {@code {"key":"secret"}}), what their listeners
 * heard, and the violations counted. Shared by the session tests.
 */
abstract class SessionRig {
    static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);

    final Configuration config = new Configuration();
    final Namespace main;
    final Namespace admin;
    final Engine engine;
    final EmbeddedChannel ch;
    final List<EmbeddedChannel> others = new ArrayList<>();
    final List<String> heard = new ArrayList<>();
    final AtomicInteger violations = new AtomicInteger();
    long now;

    SessionRig() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        admin = new Namespace("/admin", config);
        admin.addAuthTokenListener((auth, client) -> "secret".equals(((Map<?, ?>) auth).get("key"))
                ? AuthTokenResult.AuthTokenResultSuccess : new AuthTokenResult(false, "wrong key"));
        main.addDisconnectListener(client -> heard.add("left /"));
        admin.addDisconnectListener(client -> heard.add("left /admin"));
        admin.addEventListener("count", Integer.class, (client, n, ack) -> heard.add("admin count " + n));
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), new NoScheduler(),
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : name.equals("/admin") ? admin : null, () -> now);
        engine.violations = violations::incrementAndGet;
        ch = new EmbeddedChannel(new EngineEncoder(engine));
        ch.freezeTime();
    }

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
        others.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    EmbeddedChannel channel() {
        EmbeddedChannel c = new EmbeddedChannel(new EngineEncoder(engine));
        others.add(c);
        return c;
    }

    EngineSession open(Transport transport) {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        return engine.open(ch, data, transport, Map.of("EIO", List.of("4")), AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
    }

    EngineSession webSocket() {
        EngineSession s = open(Transport.WEBSOCKET);
        s.attachWebSocket(ch);
        s.start();
        return s;
    }

    EngineSession polling() {
        EngineSession s = open(Transport.POLLING);
        s.start();
        return s;
    }

    void advance(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
        ch.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
    }

    void receive(EngineSession s, String text) throws ProtocolViolation {
        s.receive(ch, List.of(EngineIoCodec.decodeText(text)));
        ch.runPendingTasks();
    }

    String nextText() {
        Object o = ch.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, o, () -> "expected a text frame, got " + o);
        String t = ((TextWebSocketFrame) o).text();
        ReferenceCountUtil.release(o);
        return t;
    }

    static String nextAnswer(EmbeddedChannel poll) {
        poll.runPendingTasks();
        Object o = poll.readOutbound();
        assertInstanceOf(FullHttpResponse.class, o, () -> "expected an HTTP answer, got " + o);
        FullHttpResponse r = (FullHttpResponse) o;
        String s = r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8);
        ReferenceCountUtil.release(o);
        return s;
    }

    /** A WebSocket session on a channel of its own, started. */
    EngineSession ownWebSocket(EmbeddedChannel c) {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(c, data, Transport.WEBSOCKET, Map.of(), AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        s.attachWebSocket(c);
        s.start();
        return s;
    }

    /** Ack timeouts are not used here. */
    static final class NoScheduler implements CancelableScheduler {
        @Override public void update(ChannelHandlerContext ctx) { }
        @Override public void cancel(SchedulerKey key) { }
        @Override public void scheduleCallback(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void shutdown() { }
    }
}
