package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.HashedWheelTimeoutScheduler;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ResourceLeakDetector;
import io.skirmish.transport.EngineSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A room's snapshot as wire bytes, built once (issue 10, part 2): on RFC 6455 WebSockets every member
 * is written a retained duplicate of one buffer holding the whole frame (header and Socket.IO packet);
 * a polling member's answer carries the same packet text; a slow member is skipped without touching the
 * others; and the frame buffer, a pooled direct one, is released once the last member wrote it. Run
 * with Netty's leak detector at paranoid (the module's surefire sets it; set here too).
 */
class SharedFrameTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(4, 10, 1024);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final HashedWheelTimeoutScheduler scheduler = new HashedWheelTimeoutScheduler();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<ByteBuf> written = new ArrayList<>();

    SharedFrameTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), scheduler,
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : null, () -> 0);
    }

    @BeforeAll
    static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void finish() {
        scheduler.shutdown();
        engine.releaseShared(); // as when the server stops: the thread's recent packets let go
        List<ByteBuf> roots = new ArrayList<>();
        for (ByteBuf b : written) {
            roots.add(root(b));
            b.release(); // what the channel does once it wrote a member's duplicate
        }
        for (ByteBuf base : roots) {
            assertEquals(0, base.refCnt(), "the frame buffer is released once every member's copy was written");
        }
        for (EmbeddedChannel ch : channels) {
            assertFalse(ch.finishAndReleaseAll(), "nothing left unread");
        }
    }

    /**
     * A client on an RFC 6455 WebSocket (or polling) of its own, connected to the main namespace. The
     * encoder has its pipeline name, so that the session writes from its context, as on the server.
     */
    private UUID member(Transport transport, EmbeddedChannel[] channel) throws ProtocolViolation {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast(EngineChannelInitializer.SOCKETIO_ENCODER, new EngineEncoder(engine));
        channels.add(ch);
        channel[0] = ch;
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, transport, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        if (transport == Transport.WEBSOCKET) {
            WireFrame.mark(ch, true);
            s.attachWebSocket(ch);
        }
        s.receive(ch, List.of(EngineIoCodec.decodeText("40")));
        ch.runPendingTasks();
        if (transport == Transport.WEBSOCKET) {
            Object open = ch.readOutbound();
            TextWebSocketFrame f = assertInstanceOf(TextWebSocketFrame.class, open, "the CONNECT answer: not shared");
            assertTrue(f.text().startsWith("40{"));
            f.release();
        }
        return s.getSessionId();
    }

    private boolean snapshot(UUID member, String json) {
        return Backpressure.sendVolatile(engine, member, "", "snapshot", new RawValue(json));
    }

    /** The next thing written to {@code ch}: a raw frame buffer. */
    private ByteBuf raw(EmbeddedChannel ch) {
        Object o = ch.readOutbound();
        ByteBuf b = assertInstanceOf(ByteBuf.class, o, () -> "expected the shared frame, got " + o);
        written.add(b);
        return b;
    }

    /** The buffer under every wrapper (the leak detector's, the duplicate's). */
    private static ByteBuf root(ByteBuf b) {
        while (b.unwrap() != null) {
            b = b.unwrap();
        }
        return b;
    }

    private static byte[] frameOf(String packet) {
        byte[] p = packet.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[p.length + 2];
        f[0] = (byte) 0x81;
        f[1] = (byte) p.length;
        System.arraycopy(p, 0, f, 2, p.length);
        return f;
    }

    @Test
    void everyMemberIsWrittenTheSameFrameBytesFromOneBuffer() throws Exception {
        EmbeddedChannel[][] ch = new EmbeddedChannel[3][1];
        List<UUID> members = new ArrayList<>();
        for (EmbeddedChannel[] c : ch) members.add(member(Transport.WEBSOCKET, c));
        String json = "{\"tick\":7,\"players\":[{\"id\":\"a\",\"name\":\"Zoë\"}]}";
        for (UUID m : members) assertTrue(snapshot(m, json));

        byte[] want = frameOf("42[\"snapshot\"," + json + "]");
        List<ByteBuf> got = new ArrayList<>();
        for (EmbeddedChannel[] c : ch) got.add(raw(c[0]));
        for (ByteBuf b : got) {
            assertEquals(ByteBufUtil.hexDump(want), ByteBufUtil.hexDump(b), "header and packet, byte for byte");
            assertSame(root(got.get(0)), root(b), "a duplicate of the one buffer: no copy per member");
            assertEquals(got.get(0).memoryAddress(), b.memoryAddress(), "the same memory");
            assertTrue(b.isDirect(), "direct: the socket writes it without another copy");
        }
        assertEquals(got.size() + 1, root(got.get(0)).refCnt(), "the members' duplicates, and the packet's own");
        engine.releaseShared();
        assertEquals(got.size(), root(got.get(0)).refCnt(), "once no one holds the packet: the duplicates only");
    }

    @Test
    void aLongSnapshotGetsTheExtendedLengthHeader() throws Exception {
        EmbeddedChannel[] a = new EmbeddedChannel[1];
        UUID m = member(Transport.WEBSOCKET, a);
        String json = "{\"pad\":\"" + "x".repeat(300) + "\"}";
        assertTrue(snapshot(m, json));
        ByteBuf b = raw(a[0]);
        int n = ("42[\"snapshot\"," + json + "]").getBytes(StandardCharsets.UTF_8).length;
        assertEquals(0x81, b.getUnsignedByte(0));
        assertEquals(126, b.getUnsignedByte(1));
        assertEquals(n, b.getUnsignedShort(2));
        assertEquals(n + 4, b.readableBytes());
    }

    @Test
    void aPollingMemberGetsTheSameSnapshotInItsPollAnswer() throws Exception {
        EmbeddedChannel[] ws = new EmbeddedChannel[1];
        EmbeddedChannel[] polling = new EmbeddedChannel[1];
        UUID a = member(Transport.WEBSOCKET, ws);
        UUID b = member(Transport.POLLING, polling);
        String json = "{\"tick\":3}";
        assertTrue(snapshot(a, json));
        assertTrue(snapshot(b, json));
        ByteBuf frame = raw(ws[0]);
        String packet = frame.toString(2, frame.readableBytes() - 2, StandardCharsets.UTF_8);

        EngineSession s = engine.find(b.toString());
        EmbeddedChannel poll = new EmbeddedChannel(new EngineEncoder(engine));
        channels.add(poll);
        assertNull(s.onPollRequest(poll, true));
        poll.runPendingTasks();
        FullHttpResponse res = poll.readOutbound();
        String body = res.content().toString(StandardCharsets.UTF_8);
        res.release();
        String[] packets = body.split("\u001e");
        assertTrue(packets[0].startsWith("40{"), body);
        assertEquals(List.of(packet), List.of(packets).subList(1, packets.length));
    }

    @Test
    void aSlowMemberIsSkippedWithoutAffectingTheOthers() throws Exception {
        EmbeddedChannel[] fast = new EmbeddedChannel[1];
        EmbeddedChannel[] slow = new EmbeddedChannel[1];
        EmbeddedChannel[] also = new EmbeddedChannel[1];
        UUID a = member(Transport.WEBSOCKET, fast);
        UUID b = member(Transport.WEBSOCKET, slow);
        UUID c = member(Transport.WEBSOCKET, also);
        slow[0].unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        String json = "{\"tick\":9}";
        assertTrue(snapshot(a, json));
        assertFalse(snapshot(b, json), "its socket buffer is full: skipped");
        assertTrue(snapshot(c, json));
        assertNull(slow[0].readOutbound());
        ByteBuf first = raw(fast[0]);
        assertSame(root(first), root(raw(also[0])));

        slow[0].unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        String next = "{\"tick\":10}";
        assertTrue(snapshot(b, next), "writable again: it gets the latest state");
        assertEquals(ByteBufUtil.hexDump(frameOf("42[\"snapshot\"," + next + "]")), ByteBufUtil.hexDump(raw(slow[0])));
    }

    @Test
    void aFrameQueuedForASessionThatEndsIsReleasedWithItsQueue() throws Exception {
        EmbeddedChannel[] x = new EmbeddedChannel[1];
        EmbeddedChannel[] y = new EmbeddedChannel[1];
        UUID a = member(Transport.WEBSOCKET, x);
        UUID b = member(Transport.WEBSOCKET, y);
        EngineSession sb = engine.find(b.toString());
        // b's packets stay queued: its WebSocket is now a channel that nothing flushes here
        sb.attachWebSocket(new EmbeddedChannel());
        assertTrue(snapshot(a, "{\"tick\":1}"));
        assertTrue(snapshot(b, "{\"tick\":1}"));
        ByteBuf base = root(raw(x[0]));
        assertEquals(2, base.refCnt(), "a's duplicate, and the packet's own reference while it is held");
        sb.dropQueued();
        engine.releaseShared();
        assertEquals(1, base.refCnt(), "b's queue let go when its session ended: a's duplicate is all that holds it");
    }
}
