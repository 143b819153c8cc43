package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.HashedWheelTimeoutScheduler;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ResourceLeakDetector;
import io.skirmish.transport.EngineSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes to a WebSocket are coalesced (issue 10, parts 2 and 3): packets queued from another thread
 * (a room's game thread) cost the channel one write task and one flush, however many there are, and
 * no message or promise per packet; on the channel's own event loop a packet is written at once, so
 * it keeps its order with what that loop writes directly. A real event loop and channel pair (Netty's
 * local transport), not an embedded channel, whose loop is whatever thread calls it.
 */
class CoalescedWriteTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withConnectTimeout(1000)
            .withOutboundLimits(8, 16, 1 << 20);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final HashedWheelTimeoutScheduler scheduler = new HashedWheelTimeoutScheduler();
    private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final ByteBuf stream = Unpooled.buffer();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger flushes = new AtomicInteger();
    private Channel server;
    private Channel client;
    private Channel ws;
    private EngineSession session;

    CoalescedWriteTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), scheduler,
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : null, () -> 0);
    }

    @BeforeAll
    static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    /** Counts what reaches the socket: every write, and every flush. */
    private final class Counter extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes.incrementAndGet();
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes.incrementAndGet();
            ctx.flush();
        }
    }

    /** A session on a WebSocket whose server side has the real pipeline names, joined to the main namespace. */
    private void connect() throws Exception {
        LocalAddress address = new LocalAddress("coalesce-" + UUID.randomUUID());
        CompletableFuture<Channel> child = new CompletableFuture<>();
        server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast("count", new Counter());
                        ch.pipeline().addLast(EngineChannelInitializer.SOCKETIO_ENCODER, new EngineEncoder(engine));
                        child.complete(ch);
                    }
                }).bind(address).sync().channel();
        client = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                received.add(msg);
            }
        }).connect(address).sync().channel();
        ws = child.get(5, TimeUnit.SECONDS);
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        session = engine.open(ws, data, Transport.WEBSOCKET, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        WireFrame.mark(ws, true);
        session.attachWebSocket(ws);
        session.receive(ws, List.of(EngineIoCodec.decodeText("40")));
        TextWebSocketFrame connected = assertInstanceOf(TextWebSocketFrame.class, next(), "the CONNECT answer");
        assertTrue(connected.text().startsWith("40{"), connected.text());
        connected.release();
    }

    private Object next() throws InterruptedException {
        Object o = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(o, "nothing arrived within 5 s");
        return o;
    }

    /**
     * The next Socket.IO packet in the raw frames the client received, read as a stream (the local
     * transport may hand several writes over as one buffer); short text frames: two header bytes.
     */
    private String nextPacket() throws InterruptedException {
        while (stream.readableBytes() < 2 || stream.readableBytes() < 2 + (stream.getUnsignedByte(stream.readerIndex() + 1) & 0x7f)) {
            Object o = next();
            ByteBuf b = assertInstanceOf(ByteBuf.class, o, () -> "expected shared raw frames, got " + o);
            stream.writeBytes(b);
            b.release();
        }
        assertEquals(0x81, stream.readUnsignedByte(), "a final text frame");
        int n = stream.readUnsignedByte();
        assertTrue(n < 126, "a short frame");
        return stream.readCharSequence(n, StandardCharsets.UTF_8).toString();
    }

    private boolean snapshot(String json) {
        return Backpressure.sendVolatile(engine, session.getSessionId(), "", "snapshot", new RawValue(json));
    }

    @AfterEach
    void finish() throws Exception {
        if (client != null) client.close().sync();
        if (server != null) server.close().sync();
        if (session != null) session.dropQueued();
        engine.releaseShared();
        stream.release();
        for (Object o; (o = received.poll()) != null; ) {
            ReferenceCountUtil.release(o);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        scheduler.shutdown();
    }

    @Test
    void packetsQueuedFromAnotherThreadAreWrittenByOneTaskWithOneFlush() throws Exception {
        connect();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Hold the channel's event loop, so that all three sends find the one write task still waiting.
        ws.eventLoop().execute(() -> {
            held.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(5, TimeUnit.SECONDS));
        writes.set(0);
        flushes.set(0);
        assertTrue(snapshot("{\"tick\":1}"));
        assertTrue(snapshot("{\"tick\":2}"));
        assertTrue(snapshot("{\"tick\":3}"));
        release.countDown();
        assertEquals("42[\"snapshot\",{\"tick\":1}]", nextPacket());
        assertEquals("42[\"snapshot\",{\"tick\":2}]", nextPacket());
        assertEquals("42[\"snapshot\",{\"tick\":3}]", nextPacket());
        assertEquals(0, stream.readableBytes(), "nothing else");
        assertEquals(3, writes.get(), "one write per packet");
        assertEquals(1, flushes.get(), "one flush for the three");
    }

    @Test
    void onTheChannelsLoopAPacketIsWrittenAtOnceInOrderWithDirectWrites() throws Exception {
        connect();
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        ws.eventLoop().execute(() -> {
            sent.complete(snapshot("{\"tick\":4}"));
            ws.writeAndFlush(new TextWebSocketFrame("direct"));
        });
        assertTrue(sent.get(5, TimeUnit.SECONDS));
        assertEquals("42[\"snapshot\",{\"tick\":4}]", nextPacket(), "the queued packet first");
        TextWebSocketFrame direct = assertInstanceOf(TextWebSocketFrame.class, next());
        assertEquals("direct", direct.text());
        direct.release();
    }
}
