package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Engine.IO or Socket.IO protocol violation closes the connection of a session that has joined
 * its namespace, at once: no time passes on the (frozen) clock, so neither the heartbeat nor the connect
 * timeout can be what closed it. A close packet {@code 1} closes it too, and is not counted as a violation.
 */
class EngineViolationTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final EmbeddedChannel ch;
    private final AtomicInteger violations = new AtomicInteger();

    EngineViolationTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        Namespace custom = new Namespace("/custom", config);
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), new NoScheduler(),
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : name.equals("/custom") ? custom : null, () -> 0L);
        engine.violations = violations::incrementAndGet;
        ch = new EmbeddedChannel(new EngineEncoder(engine));
        ch.freezeTime();
    }

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    /** A WebSocket session that has joined the main namespace (its CONNECT answer read). */
    private EngineSession joined() throws ProtocolViolation {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, Transport.WEBSOCKET, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        s.attachWebSocket(ch);
        s.start();
        receive(s, "40");
        assertTrue(nextText().startsWith("40{"), "joined the main namespace");
        assertNull(ch.readOutbound());
        assertFalse(s.isClosed());
        return s;
    }

    private void receive(EngineSession s, String text) throws ProtocolViolation {
        s.receive(ch, List.of(EngineIoCodec.decodeText(text)));
        ch.runPendingTasks();
    }

    private String nextText() {
        Object o = ch.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, o, () -> "expected a text frame, got " + o);
        String t = ((TextWebSocketFrame) o).text();
        ReferenceCountUtil.release(o);
        return t;
    }

    /** The session is closed, gone from the engine, and its WebSocket got a close frame (normal closure). */
    private void assertClosedNow(EngineSession s, String what) {
        assertTrue(s.isClosed(), what + " closes the session at once");
        assertEquals(0, engine.size(), what + ": the session is gone");
        Object o;
        while ((o = ch.readOutbound()) instanceof TextWebSocketFrame t) {
            ReferenceCountUtil.release(t); // a graceful close may flush what was queued first
        }
        assertInstanceOf(CloseWebSocketFrame.class, o, () -> what + ": expected a close frame");
        assertEquals(WebSocketCloseStatus.NORMAL_CLOSURE.code(), ((CloseWebSocketFrame) o).statusCode());
        ReferenceCountUtil.release(o);
    }

    /** Engine.IO packets a client must not send on an open session: a ping (the server pings), open, upgrade. */
    @ParameterizedTest
    @ValueSource(strings = {"2", "2probe", "0", "0{}", "5", "5x"})
    void anUnexpectedEnginePacketClosesAJoinedSession(String packet) throws Exception {
        EngineSession s = joined();
        receive(s, packet);
        assertClosedNow(s, "packet " + packet);
        assertEquals(1, violations.get(), "counted as a violation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "x", ""})
    void undecodableFramesCloseAJoinedSession(String bad) throws Exception {
        EngineSession s = joined();
        ProtocolViolation v = org.junit.jupiter.api.Assertions.assertThrows(ProtocolViolation.class,
                () -> EngineIoCodec.decodeText(bad));
        s.violation(v); // what the WebSocket handler does with a frame it cannot decode
        ch.runPendingTasks();
        assertClosedNow(s, "frame '" + bad + "'");
        assertEquals(1, violations.get());
    }

    /** Socket.IO packets that break the protocol on a joined session. */
    @ParameterizedTest
    @ValueSource(strings = {"40", "4abc", "42/custom,[\"message\",1]", "41/custom,", "43/custom,[1]",
            "44/custom,{\"message\":\"x\"}", "40/custom,[1]", "40/custom,\"token\"", "40/custom,{", "40/custom,{}x",
            "42[\"message\"", "42{}"})
    void aSocketIoViolationClosesAJoinedSession(String packet) throws Exception {
        EngineSession s = joined();
        receive(s, packet);
        assertClosedNow(s, "packet " + packet);
        assertEquals(1, violations.get(), "counted as a violation");
    }

    @Test
    void aClosePacketClosesAJoinedSessionAndIsNoViolation() throws Exception {
        EngineSession s = joined();
        receive(s, "1");
        assertClosedNow(s, "the close packet");
        assertEquals(0, violations.get());
    }

    @Test
    void harmlessPacketsKeepAJoinedSession() throws Exception {
        EngineSession s = joined();
        receive(s, "6");
        receive(s, "6probe");
        receive(s, "3"); // a pong nobody asked for is harmless, as in the reference server
        receive(s, "42[\"message\",1]");
        ch.advanceTimeBy(299, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(s.isClosed());
        assertEquals(0, violations.get());
    }

    /** Ack timeouts are not used here. */
    private static final class NoScheduler implements CancelableScheduler {
        @Override public void update(ChannelHandlerContext ctx) { }
        @Override public void cancel(SchedulerKey key) { }
        @Override public void scheduleCallback(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void shutdown() { }
    }
}
