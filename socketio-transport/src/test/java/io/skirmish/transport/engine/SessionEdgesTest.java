package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A session's less travelled paths on embedded channels with a frozen clock: the gate's admission,
 * two namespaces, refused connects, how each close reason ends each transport, a session kept for
 * its last poll, and what netty-socketio asks of a session.
 */
class SessionEdgesTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Namespace admin;
    private final Engine engine;
    private final EmbeddedChannel ch;
    private final List<EmbeddedChannel> others = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final AtomicInteger violations = new AtomicInteger();
    private long now;

    SessionEdgesTest() {
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

    private EmbeddedChannel channel() {
        EmbeddedChannel c = new EmbeddedChannel(new EngineEncoder(engine));
        others.add(c);
        return c;
    }

    private EngineSession open(Transport transport) {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        return engine.open(ch, data, transport, Map.of("EIO", List.of("4")), AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
    }

    private EngineSession webSocket() {
        EngineSession s = open(Transport.WEBSOCKET);
        s.attachWebSocket(ch);
        s.start();
        return s;
    }

    private EngineSession polling() {
        EngineSession s = open(Transport.POLLING);
        s.start();
        return s;
    }

    private void advance(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
        ch.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
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

    private static String nextAnswer(EmbeddedChannel poll) {
        poll.runPendingTasks();
        Object o = poll.readOutbound();
        assertInstanceOf(FullHttpResponse.class, o, () -> "expected an HTTP answer, got " + o);
        FullHttpResponse r = (FullHttpResponse) o;
        String s = r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8);
        ReferenceCountUtil.release(o);
        return s;
    }

    @Test
    void theGatesAdmissionIsGivenBackOnceAtTheFirstConnect() throws Exception {
        AtomicInteger released = new AtomicInteger();
        EngineSession s = webSocket();
        s.admitted(released::incrementAndGet);
        assertEquals(0, released.get(), "held while the session has joined nothing");
        receive(s, "40");
        assertEquals(1, released.get());
        receive(s, "40/admin,{\"key\":\"secret\"}");
        receive(s, "1");
        assertEquals(1, released.get(), "once");

        AtomicInteger unjoined = new AtomicInteger();
        EngineSession t = webSocket();
        t.admitted(unjoined::incrementAndGet);
        advance(1000);
        assertTrue(t.isClosed(), "connect timeout");
        assertEquals(1, unjoined.get(), "given back when the session ends before joining");

        AtomicInteger late = new AtomicInteger();
        t.admitted(late::incrementAndGet);
        assertEquals(1, late.get(), "a session already closed gives it back at once");
    }

    @Test
    void twoNamespacesEachWithItsOwnSocketAndTheLastDisconnectCloses() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        String first = nextText();
        receive(s, "40/admin,{\"key\":\"secret\"}");
        String second = nextText();
        assertTrue(second.startsWith("40/admin,{\"sid\":\""), second);
        EngineNamespaceClient a = (EngineNamespaceClient) s.getChildClient(admin);
        EngineNamespaceClient m = (EngineNamespaceClient) s.getChildClient(main);
        assertNotEquals(a.socketId(), m.socketId());
        assertEquals(20, a.socketId().length(), "15 random bytes, base64url");
        assertTrue(first.contains(m.socketId()) && second.contains(a.socketId()));
        assertEquals(Set.of(main, admin), s.getNamespaces());

        receive(s, "42/admin,[\"count\",5]");
        assertEquals(List.of("admin count 5"), heard, "typed by the listener of its own namespace");

        a.disconnect();
        ch.runPendingTasks();
        assertEquals("41/admin,", nextText());
        assertEquals(List.of("admin count 5", "left /admin"), heard);
        assertFalse(s.isClosed(), "another namespace is still joined");
        assertNull(s.getChildClient(admin));
        a.disconnect();
        ch.runPendingTasks();
        assertNull(ch.readOutbound(), "a socket already gone is not disconnected twice");
        receive(s, "42/admin,[\"count\",6]");
        assertTrue(s.isClosed(), "an event for a namespace left is a violation");
        assertEquals(1, violations.get());
    }

    @Test
    void aClientLeavingANamespaceKeepsTheSessionAndItsHeartbeat() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        receive(s, "41");
        assertEquals(List.of("left /"), heard);
        assertNull(s.getChildClient(main));
        assertTrue(s.getNamespaces().isEmpty());
        for (int i = 0; i < 4; i++) {
            advance(300);
            assertEquals("2", nextText(), "still pinged");
            receive(s, "3");
        }
        assertFalse(s.isClosed(), "the connect timeout is over once a namespace was joined");
        receive(s, "40");
        assertTrue(nextText().startsWith("40{"), "and may join again");
    }

    @Test
    void refusedConnectsAnswerWithAConnectErrorAndKeepTheSession() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40/nowhere,");
        assertEquals("44/nowhere,{\"message\":\"Invalid namespace\"}", nextText());
        receive(s, "40/admin,{\"key\":\"guess\"}");
        assertEquals("44/admin,{\"message\":\"wrong key\"}", nextText());
        assertNull(s.getChildClient(admin));
        assertFalse(s.isClosed());
        assertEquals(0, violations.get());
        assertEquals(Map.of("key", "guess"), s.getHandshakeData().getAuthToken(), "the auth the client sent");
        advance(1000);
        assertTrue(s.isClosed(), "refusals do not stop the connect timeout");
    }

    /** A WebSocket session on a channel of its own gets {@code packets}: whether a violation closed it. */
    private boolean violates(String... packets) throws ProtocolViolation {
        EmbeddedChannel c = channel();
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(c, data, Transport.WEBSOCKET, Map.of(), AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        s.attachWebSocket(c);
        s.start();
        int before = violations.get();
        for (String p : packets) {
            s.receive(c, List.of(EngineIoCodec.decodeText(p)));
            c.runPendingTasks();
        }
        assertEquals(s.isClosed(), violations.get() == before + 1, () -> String.join(" ", packets));
        return s.isClosed();
    }

    @Test
    void packetsOutOfTurnAreViolations() throws Exception {
        for (String bad : List.of("42[\"e\"]", "41", "43[]", "44\"x\"")) {
            assertTrue(violates(bad), bad + " before any CONNECT");
        }
        assertTrue(violates("40", "40"), "a second CONNECT to the same namespace");
        assertTrue(violates("40", "44\"x\""), "a CONNECT_ERROR from the client");
        for (String bad : List.of("0", "2", "5")) {
            assertTrue(violates("40", bad), bad + " from the client");
        }
        assertTrue(violates("40", "4x"), "an undecodable message");
        assertFalse(violates("6", "40", "6", "41", "3"), "noops, a pong, a connect and a leave");
    }

    @Test
    void aClientCloseOverPollingDropsWhatWaitedAndTheSessionIsGone() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        s.getChildClient(main).sendEvent("queued", 1);
        assertEquals(1, engine.size());
        receive(s, "1");
        assertTrue(s.isClosed());
        assertEquals(0, engine.size(), "no poll waiting: gone at once");
        assertEquals(0, s.getPacketsQueue(Transport.POLLING).size() - 1, "only the noop is left");
        assertEquals(EngineError.UNKNOWN_SID, s.onPollRequest(channel(), true));
    }

    @Test
    void aClientCloseAnswersTheWaitingPollWithANoop() throws Exception {
        EngineSession s = polling();
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        poll.runPendingTasks();
        assertNull(poll.readOutbound());
        receive(s, "1");
        assertEquals("200 6", nextAnswer(poll));
        assertEquals(0, engine.size());
    }

    @Test
    void aServerDisconnectOverPollingIsKeptForTheNextPollThenForgotten() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel first = channel();
        assertNull(s.onPollRequest(first, true));
        nextAnswer(first);
        s.disconnect();
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertSame(s, engine.find(s.sid()), "kept: the client has not learnt why yet");
        EmbeddedChannel last = channel();
        assertNull(s.onPollRequest(last, true));
        assertEquals("200 41\u001e1", nextAnswer(last));
        assertNull(engine.find(s.sid()), "gone once a poll took it");

        EngineSession t = polling();
        receive(t, "40");
        EmbeddedChannel p = channel();
        assertNull(t.onPollRequest(p, true));
        nextAnswer(p);
        t.disconnect();
        ch.runPendingTasks();
        advance(499);
        assertSame(t, engine.find(t.sid()));
        advance(1);
        assertNull(engine.find(t.sid()), "forgotten an interval plus a timeout later");
    }

    @Test
    void otherEndsOverPollingWithNothingWaitingForgetTheSessionAtOnce() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        s.close(CloseReason.PROTOCOL_ERROR);
        ch.runPendingTasks();
        assertNull(engine.find(s.sid()), "not a server disconnect: nothing kept");

        EngineSession t = polling();
        t.disconnect(); // joined nothing: only the close packet waits
        ch.runPendingTasks();
        assertNull(engine.find(t.sid()));
    }

    /** The close code a WebSocket session on a channel of its own ends with when {@code end} runs. */
    private int closeCode(java.util.function.Consumer<EngineSession> end, long advanceMs) {
        EmbeddedChannel c = channel();
        c.freezeTime();
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(c, data, Transport.WEBSOCKET, Map.of(), AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        s.attachWebSocket(c);
        s.start();
        end.accept(s);
        now += TimeUnit.MILLISECONDS.toNanos(advanceMs);
        c.advanceTimeBy(advanceMs, TimeUnit.MILLISECONDS);
        c.runScheduledPendingTasks(); // the ping, late: the pong was due at 500 ms
        c.runScheduledPendingTasks(); // so it is late at once
        c.runPendingTasks();
        assertTrue(s.isClosed());
        assertNull(engine.find(s.sid()));
        Object o;
        List<String> texts = new ArrayList<>();
        while ((o = c.readOutbound()) instanceof TextWebSocketFrame t) {
            texts.add(t.text());
            ReferenceCountUtil.release(t);
        }
        assertInstanceOf(CloseWebSocketFrame.class, o);
        int code = ((CloseWebSocketFrame) o).statusCode();
        ReferenceCountUtil.release(o);
        assertFalse(c.isOpen(), "closed after the close frame");
        assertEquals(advanceMs > 0 ? List.of("2") : List.of(), texts);
        return code;
    }

    @Test
    void aWebSocketEndsWithTheCloseCodeOfItsReason() {
        assertEquals(1001, closeCode(s -> s.close(CloseReason.SERVER_SHUTDOWN), 0), "going away");
        assertEquals(1000, closeCode(s -> s.close(CloseReason.SERVER_DISCONNECT), 0));
        assertEquals(1000, closeCode(s -> s.close(CloseReason.CLIENT_CLOSE), 0));
        assertEquals(1000, closeCode(s -> { }, 500), "ping timeout");
    }

    @Test
    void nothingIsSentAfterTheEnd() throws Exception {
        EngineSession s = webSocket();
        receive(s, "1");
        assertInstanceOf(CloseWebSocketFrame.class, ch.readOutbound());
        advance(1000);
        assertNull(ch.readOutbound(), "no more pings");
        assertEquals(0, engine.size());
    }

    @Test
    void whatNettySocketIoAsksOfASession() throws Exception {
        EngineSession s = webSocket();
        assertTrue(s.isConnected());
        assertTrue(s.isChannelOpen());
        assertTrue(s.isWritable());
        assertTrue(s.isTransportChannel(ch, Transport.WEBSOCKET));
        assertFalse(s.isTransportChannel(channel(), Transport.WEBSOCKET));
        assertFalse(s.isTransportChannel(ch, Transport.POLLING));
        receive(s, "40");
        nextText();
        s.removeNamespaceClient(s.getChildClient(main));
        assertTrue(s.getNamespaces().isEmpty());
        s.onChannelDisconnect();
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertFalse(s.isConnected());
        assertFalse(s.isChannelOpen());
        assertFalse(s.isWritable());

        EngineSession p = polling();
        assertTrue(p.isChannelOpen(), "a polling session is open between polls");
        assertTrue(p.isWritable());
        EmbeddedChannel poll = channel();
        assertFalse(p.isTransportChannel(poll, Transport.POLLING));
        assertNull(p.onPollRequest(poll, false));
        assertTrue(p.isTransportChannel(poll, Transport.POLLING));
        assertSame(p, poll.attr(EngineSession.SESSION).get());
        assertEquals(Boolean.FALSE, poll.attr(EngineSession.KEEP_ALIVE).get());
    }

    @Test
    void aPollWithoutKeepAliveIsClosedAfterItsAnswer() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, false));
        poll.runPendingTasks();
        FullHttpResponse r = poll.readOutbound();
        assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
        r.release();
        poll.runPendingTasks();
        assertFalse(poll.isOpen());
        assertNull(poll.attr(EngineSession.SESSION).get(), "the answered poll no longer carries the session");
        EmbeddedChannel kept = channel();
        s.getChildClient(main).sendEvent("e", 1);
        assertNull(s.onPollRequest(kept, true));
        nextAnswer(kept);
        assertTrue(kept.isOpen());
    }

    @Test
    void sendsBeforeTheWebSocketTakesThemWaitAndCountAgainstTheBound() throws Exception {
        EngineSession s = open(Transport.WEBSOCKET);
        EmbeddedChannel raw = new EmbeddedChannel(); // no encoder: nothing drains the outbox
        others.add(raw);
        s.attachWebSocket(raw);
        s.start();
        receive(s, "40");
        EngineNamespaceClient c = (EngineNamespaceClient) s.getChildClient(main);
        for (int i = 0; i < 2; i++) {
            assertTrue(c.sendVolatile("snapshot", i), "send " + i);
        }
        c.sendEvent("e", 0); // 4 waiting: the bound
        assertTrue(raw.isWritable());
        assertFalse(s.isWritable());
        assertFalse(c.sendVolatile("snapshot", 9), "refused at the bound even though the socket is writable");
        for (int i = 0; i < 6; i++) {
            c.sendEvent("e", i);
        }
        assertFalse(s.isClosed(), "10 waiting: the hard bound itself");
        c.sendEvent("e", "one too many");
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertFalse(c.sendVolatile("snapshot", 10), "closed");
    }

    @Test
    void aSocketSendsNothingBeforeItsConnectAnswerNorAfterItLeft() throws Exception {
        EngineSession s = webSocket();
        EngineNamespaceClient early = new EngineNamespaceClient(s, main, "early");
        early.sendEvent("e", 1);
        assertFalse(early.sendVolatile("snapshot", 1));
        AtomicInteger timeouts = new AtomicInteger();
        AckCallback<String> ack = new AckCallback<>(String.class) {
            @Override
            public void onSuccess(String result) { }

            @Override
            public void onTimeout() {
                timeouts.incrementAndGet();
            }
        };
        early.sendEvent("ask", ack, 1);
        assertEquals(1, timeouts.get(), "not ready: the ack times out at once");
        assertNull(ch.readOutbound());
        early.ready();
        early.sendEvent("e", 2);
        assertEquals("42[\"e\",2]", nextText());
        early.onDisconnect();
        early.onDisconnect();
        assertTrue(early.isGone());
        assertEquals(List.of("left /"), heard, "disconnect listeners run once");
        early.sendEvent("e", 3);
        early.sendEvent("ask", ack, 2);
        assertEquals(2, timeouts.get());
        assertFalse(early.sendVolatile("snapshot", 2));
        assertNull(ch.readOutbound());
    }

    @Test
    void theRoundTripIsMeasuredFromPingToPong() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        EngineNamespaceClient c = (EngineNamespaceClient) s.getChildClient(main);
        assertEquals(-1, RoundTrip.millisOf(c), "no pong yet");
        receive(s, "3");
        assertEquals(-1, s.roundTrip().lastMillis(), "a pong without a ping measures nothing");
        advance(300);
        assertEquals("2", nextText());
        receive(s, "3");
        double ms = RoundTrip.millisOf(c);
        assertTrue(ms >= 0 && ms < 10_000, "measured: " + ms);
        assertSame(s.roundTrip(), c.roundTrip());
        assertEquals(-1, RoundTrip.millisOf(null), "not an engine client");
    }

    @Test
    void theEngineFindsClosesAndNamesSessions() throws Exception {
        assertNull(engine.find(null));
        assertNull(engine.find("nope"));
        EngineSession a = webSocket();
        EngineSession b = polling();
        assertEquals(2, engine.size());
        engine.closeAll(CloseReason.SERVER_SHUTDOWN, 1000);
        ch.runPendingTasks();
        assertTrue(a.isClosed() && b.isClosed());
        assertEquals(0, engine.size());
        assertNotEquals(engine.newSocketId(), engine.newSocketId());
        assertTrue(engine.newSocketId().matches("[A-Za-z0-9_-]{20}"));
        config.setAuthorizationListener(data -> { throw new IllegalStateException("boom"); });
        assertNull(engine.authorize(null), "a failing listener refuses");
        config.setAuthorizationListener(data -> AuthorizationResult.FAILED_AUTHORIZATION);
        assertNull(engine.authorize(null));
        config.setAuthorizationListener(data -> AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        assertSame(AuthorizationResult.SUCCESSFUL_AUTHORIZATION, engine.authorize(null));
        config.setAuthorizationListener(data -> null);
        assertNull(engine.authorize(null));
    }

    @Test
    void storeParamsOfTheAuthorizationAreCopiedToTheSession() {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, Transport.WEBSOCKET, Map.of(),
                new AuthorizationResult(true, Map.of("player", "p1")));
        assertEquals("p1", s.getStore().get("player"));
    }

    @Test
    void packetsFromAnOldWebSocketAreIgnored() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        EmbeddedChannel stale = channel();
        stale.attr(EngineSession.WEBSOCKET).set(Boolean.TRUE);
        s.receive(stale, List.of(EngineIoCodec.decodeText("2")));
        ch.runPendingTasks();
        assertFalse(s.isClosed(), "a ping on a WebSocket that is not the session's is not its violation");
        s.receive(ch, List.of(EngineIoCodec.decodeText("1"), EngineIoCodec.decodeText("2")));
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertEquals(0, violations.get(), "nothing is handled after the close");
        s.violation(new ProtocolViolation("late"));
        ch.runPendingTasks();
        assertEquals(1, violations.get(), "counted even when the session has ended");
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
