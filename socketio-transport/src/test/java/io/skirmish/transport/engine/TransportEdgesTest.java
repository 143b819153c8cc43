package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The transports' edges (see {@link SessionRig}): the encoder's framing of attachments and of what it
 * cannot encode, the upgrade's noop answers and bad probes, the hand-over's 400, and the home loop.
 */
class TransportEdgesTest extends SessionRig {

    /** A packet whose data Jackson cannot write. */
    private static Packet unencodable() {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.EVENT);
        p.setName("bad");
        p.setData(List.of(new Object() {
            public int getBoom() {
                throw new IllegalStateException("boom");
            }
        }));
        return p;
    }

    @Test
    void overWebSocketAttachmentsFollowTheirTextFrameAsRawBinaryFrames() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        s.send(unencodable());
        s.getChildClient(main).sendEvent("file", (Object) new byte[] {1, 2});
        assertEquals("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", nextText(), "the unencodable packet is dropped");
        Object bin = ch.readOutbound();
        assertInstanceOf(BinaryWebSocketFrame.class, bin);
        assertEquals(2, ((BinaryWebSocketFrame) bin).content().readableBytes());
        assertEquals(1, ((BinaryWebSocketFrame) bin).content().getByte(0), "no 0x04 prefix");
        ReferenceCountUtil.release(bin);
        assertFalse(s.isClosed());
    }

    @Test
    void overPollingAttachmentsAreBase64RecordsAndAnUnencodablePacketIsSkipped() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel first = channel();
        assertNull(s.onPollRequest(first, true));
        nextAnswer(first);
        s.send(unencodable());
        s.getChildClient(main).sendEvent("file", (Object) new byte[] {(byte) 0xfb, (byte) 0xff});
        s.getChildClient(main).sendEvent("after", 1);
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        assertEquals("200 451-[\"file\",{\"_placeholder\":true,\"num\":0}]\u001eb+/8=\u001e42[\"after\",1]", nextAnswer(poll));

        s.send(unencodable());
        EmbeddedChannel only = channel();
        assertNull(s.onPollRequest(only, true));
        assertEquals("200 6", nextAnswer(only), "nothing encodable: a noop");
    }

    @Test
    void theEncoderPassesOtherMessagesAndLeavesPacketsForAnotherChannelQueued() throws Exception {
        EngineSession s = webSocket();
        EmbeddedChannel stranger = channel();
        stranger.writeOutbound("plain");
        assertEquals("plain", stranger.readOutbound());
        s.send(new Packet(PacketType.NOOP, EngineIOVersion.V4));
        nextText();
        stranger.writeAndFlush(new com.corundumstudio.socketio.messages.OutPacketMessage(s, Transport.WEBSOCKET));
        s.getPacketsQueue(Transport.WEBSOCKET).add(new Packet(PacketType.NOOP, EngineIOVersion.V4));
        stranger.writeAndFlush(new com.corundumstudio.socketio.messages.OutPacketMessage(s, Transport.WEBSOCKET));
        stranger.runPendingTasks();
        assertNull(stranger.readOutbound(), "not the session's WebSocket: nothing written there");
        assertEquals(1, s.getPacketsQueue(Transport.WEBSOCKET).size(), "still queued");
        EmbeddedChannel poll = channel();
        poll.writeAndFlush(new com.corundumstudio.socketio.messages.OutPacketMessage(s, Transport.POLLING));
        assertNull(poll.readOutbound(), "no poll waiting on that channel");
    }

    @Test
    void whileProbingTheWaitingPollIsAnsweredEveryHundredMilliseconds() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel first = channel();
        assertNull(s.onPollRequest(first, true));
        nextAnswer(first);
        EmbeddedChannel waiting = channel();
        assertNull(s.onPollRequest(waiting, true));
        EmbeddedChannel probe = channel();
        assertTrue(s.acceptProbe(probe));
        s.receive(probe, List.of(EngineIoCodec.decodeText("2probe")));
        ch.runPendingTasks();
        waiting.runPendingTasks();
        assertNull(waiting.readOutbound(), "not before 100 ms");
        advance(99);
        waiting.runPendingTasks();
        assertNull(waiting.readOutbound());
        advance(1);
        assertEquals("200 6", nextAnswer(waiting));
        EmbeddedChannel next = channel();
        assertNull(s.onPollRequest(next, false));
        next.runPendingTasks();
        assertNull(next.readOutbound(), "the next poll waits");
        advance(100);
        assertEquals("200 6", nextAnswer(next), "and is answered at the next check");
        EmbeddedChannel last = channel();
        assertNull(s.onPollRequest(last, false));
        s.receive(probe, List.of(EngineIoCodec.decodeText("5")));
        ch.runPendingTasks();
        last.runPendingTasks();
        FullHttpResponse r = last.readOutbound();
        assertEquals(400, r.status().code());
        assertEquals("{\"code\":3,\"message\":\"Bad request\"}", r.content().toString(StandardCharsets.UTF_8));
        assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
        r.release();
        last.runPendingTasks();
        assertFalse(last.isOpen(), "a poll without keep-alive is closed after its 400");
        assertNull(last.attr(EngineSession.SESSION).get());
        assertEquals(Transport.WEBSOCKET, s.getCurrentTransport());
        assertTrue(probe.isOpen(), "the probe is the transport now");
        assertTrue(s.isWebSocket(probe));
    }

    @Test
    void aProbeSendingAnythingButProbeAndUpgradeIsClosedWithAProtocolError() throws Exception {
        for (EioPacket bad : List.of(EngineIoCodec.decodeText("5x"), EioPacket.binary(new byte[] {1}),
                EngineIoCodec.decodeText("4probe"), EngineIoCodec.decodeText("3probe"))) {
            EngineSession s = polling();
            EmbeddedChannel probe = channel();
            assertTrue(s.acceptProbe(probe));
            assertSame(s, probe.attr(EngineSession.SESSION).get());
            assertEquals(Boolean.TRUE, probe.attr(EngineSession.WEBSOCKET).get());
            s.receive(probe, List.of(bad));
            ch.runPendingTasks();
            probe.runPendingTasks();
            Object o = probe.readOutbound();
            assertInstanceOf(CloseWebSocketFrame.class, o, String.valueOf(bad));
            assertEquals(1002, ((CloseWebSocketFrame) o).statusCode());
            ReferenceCountUtil.release(o);
            assertFalse(probe.isOpen());
            assertEquals(Transport.POLLING, s.getCurrentTransport());
            assertFalse(s.isClosed(), "the session goes on polling");
        }
    }

    @Test
    void aSessionEndingWhileProbingClosesTheProbeAndRefusesNewOnes() throws Exception {
        EngineSession s = polling();
        EmbeddedChannel probe = channel();
        assertTrue(s.acceptProbe(probe));
        s.close(CloseReason.SERVER_SHUTDOWN);
        ch.runPendingTasks();
        assertFalse(probe.isOpen());
        assertFalse(s.acceptProbe(channel()), "closed");
        s.receive(probe, List.of(EngineIoCodec.decodeText("5")));
        ch.runPendingTasks();
        assertEquals(Transport.POLLING, s.getCurrentTransport(), "no upgrade of a closed session");

        EngineSession t = polling();
        EmbeddedChannel gone = channel();
        assertTrue(t.acceptProbe(gone));
        gone.close();
        t.onChannelClosed(gone);
        ch.runPendingTasks();
        assertFalse(t.isClosed());
        advance(1000);
        assertFalse(t.isWebSocket(gone));
    }

    @Test
    void aPollIsOnlyAnsweredOnItsOwnChannelAndFlushWithoutOneDoesNothing() throws Exception {
        EngineSession s = polling();
        assertNull(s.flush(), "no poll waiting");
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        assertNull(s.takeForPoll(channel()), "another channel takes nothing");
        s.send(new Packet(PacketType.NOOP, EngineIOVersion.V4));
        assertEquals("200 6", nextAnswer(poll));
        assertNull(s.takeForPoll(poll), "answered: no longer waiting");
    }

    @Test
    void theHomeLoopQueuesFromOtherThreadsAndRunsInlineWhenShutDown() throws Exception {
        DefaultEventLoop el = new DefaultEventLoop();
        try {
            HomeLoop loop = new HomeLoop(el);
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            loop.execute(() -> ran.complete(Thread.currentThread()));
            assertNotSame(Thread.currentThread(), ran.get(5, TimeUnit.SECONDS), "queued on the loop");
            CompletableFuture<Thread> inside = new CompletableFuture<>();
            el.execute(() -> loop.execute(() -> inside.complete(Thread.currentThread())));
            assertSame(ran.get(), inside.get(5, TimeUnit.SECONDS));
        } finally {
            el.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
        HomeLoop dead = new HomeLoop(el);
        Thread[] ranOn = new Thread[1];
        dead.execute(() -> ranOn[0] = Thread.currentThread());
        assertSame(Thread.currentThread(), ranOn[0], "a loop shutting down: closing still runs, here");
        HomeLoop.cancel(null);
    }
}
