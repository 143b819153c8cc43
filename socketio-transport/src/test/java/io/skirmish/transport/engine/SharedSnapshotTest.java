package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A room's snapshot, handed to every member as the same text (as {@code net.Session} does, a
 * {@code RawValue} per member), is encoded once: every member's frame holds the same bytes.
 */
class SharedSnapshotTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);
    private static ResourceLeakDetector.Level leakLevel;

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<TextWebSocketFrame> frames = new ArrayList<>();

    SharedSnapshotTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), new NoScheduler(),
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : null, () -> 0);
    }

    @BeforeAll
    static void paranoid() {
        leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterAll
    static void restore() {
        ResourceLeakDetector.setLevel(leakLevel);
    }

    @AfterEach
    void finish() {
        for (TextWebSocketFrame f : frames) {
            if (f.refCnt() > 0) f.release();
            assertEquals(0, f.refCnt(), "nothing else holds a frame once written");
        }
        for (EmbeddedChannel ch : channels) {
            assertFalse(ch.finishAndReleaseAll(), "no frame left unread");
        }
    }

    /** A client on a channel of its own, connected to the main namespace. */
    private SocketIOClient member(Transport transport, EmbeddedChannel[] channel) throws ProtocolViolation {
        EmbeddedChannel ch = new EmbeddedChannel(new EngineEncoder(engine));
        channels.add(ch);
        channel[0] = ch;
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, transport, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        if (transport == Transport.WEBSOCKET) s.attachWebSocket(ch);
        s.receive(ch, List.of(EngineIoCodec.decodeText("40")));
        ch.runPendingTasks();
        if (transport == Transport.WEBSOCKET) {
            assertTrue(frame(ch).text().startsWith("40{"));
        }
        return (SocketIOClient) s.getChildClient(main);
    }

    private SocketIOClient webSocketMember(EmbeddedChannel[] channel) throws ProtocolViolation {
        return member(Transport.WEBSOCKET, channel);
    }

    private TextWebSocketFrame frame(EmbeddedChannel ch) {
        Object o = ch.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, o, () -> "expected a text frame, got " + o);
        frames.add((TextWebSocketFrame) o);
        return (TextWebSocketFrame) o;
    }

    private static byte[] bytes(TextWebSocketFrame f) {
        return ByteBufUtil.getBytes(f.content());
    }

    private boolean snapshot(SocketIOClient c, String json) {
        return Backpressure.sendVolatile(engine, c.getSessionId(), "", "snapshot", new RawValue(json));
    }

    @Test
    void everyWebSocketMemberGetsByteIdenticalFramesHoldingTheSameBytes() throws Exception {
        EmbeddedChannel[][] ch = new EmbeddedChannel[3][1];
        List<SocketIOClient> members = new ArrayList<>();
        for (EmbeddedChannel[] c : ch) members.add(webSocketMember(c));
        String json = "{\"tick\":7,\"players\":[{\"id\":\"a\",\"x\":1.5,\"name\":\"Zoë\"}]}";
        for (SocketIOClient m : members) assertTrue(snapshot(m, json));

        List<TextWebSocketFrame> got = new ArrayList<>();
        for (EmbeddedChannel[] c : ch) got.add(frame(c[0]));
        byte[] want = ("42[\"snapshot\"," + json + "]").getBytes(StandardCharsets.UTF_8);
        for (TextWebSocketFrame f : got) {
            assertArrayEquals(want, bytes(f));
            ByteBuf content = f.content();
            assertTrue(content.hasArray());
            assertSame(got.get(0).content().array(), content.array(), "encoded once: no copy per member");
        }

        String next = "{\"tick\":8,\"players\":[]}";
        for (SocketIOClient m : members) assertTrue(snapshot(m, next));
        TextWebSocketFrame later = frame(ch[0][0]);
        assertEquals("42[\"snapshot\"," + next + "]", later.text(), "a new snapshot is encoded anew");
        assertNotSame(got.get(0).content().array(), later.content().array());
        assertSame(later.content().array(), frame(ch[1][0]).content().array());
        assertSame(later.content().array(), frame(ch[2][0]).content().array());
    }

    @Test
    void aPollingMemberGetsTheSameSnapshotInItsPollAnswer() throws Exception {
        EmbeddedChannel[] ws = new EmbeddedChannel[1];
        EmbeddedChannel[] polling = new EmbeddedChannel[1];
        SocketIOClient a = webSocketMember(ws);
        SocketIOClient b = member(Transport.POLLING, polling);
        String json = "{\"tick\":3}";
        assertTrue(snapshot(a, json));
        assertTrue(snapshot(b, json));
        String frameText = frame(ws[0]).text();

        EngineSession s = engine.find(((EngineNamespaceClient) b).getSessionId().toString());
        EmbeddedChannel poll = new EmbeddedChannel(new EngineEncoder(engine));
        channels.add(poll);
        assertNull(s.onPollRequest(poll, true));
        poll.runPendingTasks();
        FullHttpResponse res = poll.readOutbound();
        String body = res.content().toString(StandardCharsets.UTF_8);
        res.release();
        String[] packets = body.split("\u001e");
        assertTrue(packets[0].startsWith("40{"), body);
        assertEquals(List.of(frameText), List.of(packets).subList(1, packets.length));
    }

    @Test
    void aSlowMemberIsSkippedWithoutAffectingTheOthers() throws Exception {
        EmbeddedChannel[] fast = new EmbeddedChannel[1];
        EmbeddedChannel[] slow = new EmbeddedChannel[1];
        EmbeddedChannel[] also = new EmbeddedChannel[1];
        SocketIOClient a = webSocketMember(fast);
        SocketIOClient b = webSocketMember(slow);
        SocketIOClient c = webSocketMember(also);
        slow[0].unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        String json = "{\"tick\":9}";
        assertTrue(snapshot(a, json));
        assertFalse(snapshot(b, json), "its socket buffer is full: skipped");
        assertTrue(snapshot(c, json));
        assertNull(slow[0].readOutbound());
        TextWebSocketFrame first = frame(fast[0]);
        assertSame(first.content().array(), frame(also[0]).content().array());

        slow[0].unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        String next = "{\"tick\":10}";
        assertTrue(snapshot(b, next), "writable again: it gets the latest state");
        assertEquals("42[\"snapshot\"," + next + "]", frame(slow[0]).text());
    }

    @Test
    void otherVolatileEventsAreNotShared() throws Exception {
        EmbeddedChannel[] x = new EmbeddedChannel[1];
        EmbeddedChannel[] y = new EmbeddedChannel[1];
        SocketIOClient a = webSocketMember(x);
        SocketIOClient b = webSocketMember(y);
        assertTrue(Backpressure.sendVolatile(engine, a.getSessionId(), "", "snapshot", 1, 2));
        assertTrue(Backpressure.sendVolatile(engine, b.getSessionId(), "", "snapshot", 1, 2));
        TextWebSocketFrame fa = frame(x[0]);
        TextWebSocketFrame fb = frame(y[0]);
        assertEquals("42[\"snapshot\",1,2]", fa.text());
        assertEquals(fa.text(), fb.text());
        assertNotSame(fa.content().array(), fb.content().array(), "not one RawValue: encoded per member, as before");
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
