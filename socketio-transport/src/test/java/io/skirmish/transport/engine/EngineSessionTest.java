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
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One session on an {@link EmbeddedChannel}: no sockets, and the event loop's clock is frozen and
 * advanced by hand, so timers are tested without waiting.
 */
class EngineSessionTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final EmbeddedChannel ch;
    private final List<EngineSession> sessions = new ArrayList<>();
    /** The engine's clock, moved with the event loop's (frozen) one. */
    private long now;

    EngineSessionTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), new NoScheduler(),
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : null, () -> now);
        ch = new EmbeddedChannel(new EngineEncoder(engine));
        ch.freezeTime();
    }

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private EngineSession open(Transport transport) {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, transport, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        sessions.add(s);
        return s;
    }

    private EngineSession openWebSocket() {
        EngineSession s = open(Transport.WEBSOCKET);
        s.attachWebSocket(ch);
        s.start();
        return s;
    }

    private void advance(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
        ch.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
    }

    private String nextText() {
        Object o = ch.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, o, () -> "expected a text frame, got " + o);
        String t = ((TextWebSocketFrame) o).text();
        ReferenceCountUtil.release(o);
        return t;
    }

    private static Packet event(String name) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.EVENT);
        p.setName(name);
        p.setData(List.of(1));
        return p;
    }

    private void receive(EngineSession s, String text) throws ProtocolViolation {
        s.receive(ch, List.of(EngineIoCodec.decodeText(text)));
        ch.runPendingTasks();
    }

    @Test
    void pingsEveryIntervalAfterThePongAndClosesWhenThePongIsLate() throws Exception {
        EngineSession s = openWebSocket();
        receive(s, "40");
        assertTrue(nextText().startsWith("40{"));
        advance(299);
        assertNull(ch.readOutbound());
        advance(1);
        assertEquals("2", nextText());
        advance(199);
        receive(s, "3");
        advance(299);
        assertNull(ch.readOutbound(), "the next ping is an interval after the pong");
        advance(1);
        assertEquals("2", nextText());
        advance(200);
        assertInstanceOf(CloseWebSocketFrame.class, ch.readOutbound());
        assertTrue(s.isClosed());
        assertEquals(0, engine.size());
    }

    @Test
    void thePongIsDueOnAnAbsoluteDeadlineEvenWhenThePingRanLate() throws Exception {
        EngineSession s = openWebSocket();
        receive(s, "40");
        nextText();
        advance(350); // the ping runs 50 ms late
        assertEquals("2", nextText());
        advance(149);
        assertFalse(s.isClosed());
        advance(1); // interval + timeout after the start, not 50 ms later
        assertTrue(s.isClosed());
    }

    @Test
    void aSessionThatJoinsNoNamespaceIsClosedAfterTheConnectTimeout() throws Exception {
        EngineSession s = openWebSocket();
        for (int i = 0; i < 3; i++) {
            advance(300);
            assertEquals("2", nextText());
            receive(s, "3");
        }
        advance(99);
        assertFalse(s.isClosed(), "999 ms: not yet");
        advance(1);
        assertTrue(s.isClosed(), "the connect timeout is exactly 1 s");
    }

    @Test
    void overWebSocketVolatileSendsAreSkippedWhileTheSocketIsNotWritable() throws Exception {
        EngineSession s = openWebSocket();
        receive(s, "40");
        nextText();
        EngineNamespaceClient client = (EngineNamespaceClient) s.getChildClient(main);
        assertTrue(client.sendVolatile("snapshot", 1));
        assertEquals("42[\"snapshot\",1]", nextText());
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertFalse(client.isWritable());
        assertFalse(client.sendVolatile("snapshot", 2));
        client.sendEvent("reliable", 3);
        assertEquals("42[\"reliable\",3]", nextText(), "reliable events still go");
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        assertTrue(client.sendVolatile("snapshot", 4));
        assertEquals("42[\"snapshot\",4]", nextText());
    }

    @Test
    void overPollingAPollAnswerCarriesEveryVolatileSendSinceTheLastPollUpToTheBound() throws Exception {
        EngineSession s = open(Transport.POLLING);
        s.start();
        receive(s, "40");
        EngineNamespaceClient client = (EngineNamespaceClient) s.getChildClient(main);
        client.sendEvent("update", "a");
        // What waits is bounded by the queue (4 here, 2 of them taken) and by MAX_POLL_VOLATILE per event.
        int room = Math.min(Outbox.MAX_POLL_VOLATILE, SETTINGS.maxQueuedPackets() - 2);
        for (int i = 1; i <= 50; i++) {
            assertEquals(i <= room, client.sendVolatile("snapshot", i), "send " + i);
        }
        client.sendEvent("update", "b");
        EmbeddedChannel poll = new EmbeddedChannel(new EngineEncoder(engine));
        assertNull(s.onPollRequest(poll, true));
        poll.runPendingTasks();
        Object res = poll.readOutbound();
        String body = ((io.netty.handler.codec.http.FullHttpResponse) res).content().toString(java.nio.charset.StandardCharsets.UTF_8);
        ReferenceCountUtil.release(res);
        String[] packets = body.split("\u001e");
        assertTrue(packets[0].startsWith("40{"), body);
        List<String> want = new java.util.ArrayList<>(List.of("42[\"update\",\"a\"]"));
        for (int i = 1; i <= room; i++) {
            want.add("42[\"snapshot\"," + i + "]");
        }
        want.add("42[\"update\",\"b\"]");
        assertEquals(want, List.of(packets).subList(1, packets.length), "every snapshot in order, then refused");
        assertTrue(client.sendVolatile("snapshot", 51), "after the poll took them, sends are taken again");
        poll.finishAndReleaseAll();
    }

    @Test
    void overPollingVolatileSendsStopAtTheQueueBoundAndABacklogOverTheHardBoundCloses() throws Exception {
        EngineSession s = open(Transport.POLLING);
        s.start();
        receive(s, "40"); // 1 queued: the CONNECT answer
        EngineNamespaceClient client = (EngineNamespaceClient) s.getChildClient(main);
        for (int i = 0; i < 3; i++) {
            client.sendEvent("update", i);
        }
        assertFalse(client.isWritable());
        assertFalse(client.sendVolatile("snapshot", 1), "4 packets wait: the bound");
        for (int i = 0; i < 6; i++) {
            client.sendEvent("update", i); // 10 waiting: the hard bound
        }
        assertFalse(s.isClosed());
        client.sendEvent("update", "one too many");
        ch.runPendingTasks();
        assertTrue(s.isClosed(), "a client that lets its backlog grow past the hard bound is disconnected");
    }

    @Test
    void sendingToAClosedSessionDoesNothing() throws Exception {
        EngineSession s = openWebSocket();
        receive(s, "1");
        assertTrue(s.isClosed());
        assertNull(s.send(event("late")));
        assertFalse(s.isWritable());
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
