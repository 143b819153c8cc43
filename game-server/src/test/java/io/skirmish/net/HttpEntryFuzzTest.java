package io.skirmish.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CodecException;
import io.netty.util.ReferenceCountUtil;
import io.skirmish.loop.Ticker;
import io.skirmish.transport.SocketIoServer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the server's HTTP entry: the bytes a client sends, through every handler
 * a real connection gets (TCP cap, request deadline, HTTP decoder, strict HTTP, aggregator, routes,
 * Engine.IO, WebSocket upgrade), on an {@code EmbeddedChannel}. The input is a few chunks, some
 * starting as plausible requests. Fails when an exception other than a client's malformed input
 * reaches the end of the pipeline, or when the server writes something that is not an HTTP response
 * (before any WebSocket upgrade).
 */
class HttpEntryFuzzTest {
    private static final List<String> STARTS = List.of("GET / HTTP/1.1\r\n", "GET /healthz HTTP/1.1\r\n",
            "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\n", "POST /socket.io/?EIO=4&transport=polling&sid=",
            "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
            "GET /metrics HTTP/1.1\r\n", "POST /api/rooms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n", "");
    private static SocketServer server;

    @BeforeAll
    static void start() {
        server = new SocketServer(NetConfig.defaults().withAddress("127.0.0.1", 0), Ticker.system(), NetMetrics.NONE,
                Set.of(), (method, path, query) -> path.equals("/healthz")
                        ? HttpRoutes.Response.json(200, "{}") : null, s -> { });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "10s")
    void bytesFromAClient(FuzzedDataProvider data) throws Exception {
        // With real addresses, as a TCP connection has (the engine reads them as InetSocketAddress).
        EmbeddedChannel ch = new EmbeddedChannel(DefaultChannelId.newInstance(), false, false) {
            @Override
            protected java.net.SocketAddress remoteAddress0() {
                return new java.net.InetSocketAddress("127.0.0.1", 40_000);
            }

            @Override
            protected java.net.SocketAddress localAddress0() {
                return new java.net.InetSocketAddress("127.0.0.1", 3_000);
            }
        };
        server.initChannel(ch);
        Throwable[] unexpected = new Throwable[1];
        ch.pipeline().addBefore(SocketIoServer.TAIL, "fuzzProbe", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                if (!(cause instanceof CodecException || cause instanceof IOException
                        || cause.getClass().getSimpleName().equals("ProtocolViolation"))) {
                    unexpected[0] = cause;
                }
                ctx.fireExceptionCaught(cause);
            }
        });
        ch.register();
        try {
            String start = STARTS.get(data.consumeInt(0, STARTS.size() - 1));
            ch.writeInbound(Unpooled.copiedBuffer(start, java.nio.charset.StandardCharsets.ISO_8859_1));
            int chunks = data.consumeInt(1, 4);
            for (int i = 0; i < chunks && ch.isOpen(); i++) {
                byte[] b = i == chunks - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 512));
                ch.writeInbound(Unpooled.wrappedBuffer(b));
                ch.runPendingTasks();
            }
            ch.checkException();
            boolean first = true;
            Object out;
            while ((out = ch.readOutbound()) != null) {
                try {
                    if (first && out instanceof ByteBuf buf && buf.readableBytes() >= 5) {
                        String head = buf.toString(buf.readerIndex(), 5, java.nio.charset.StandardCharsets.US_ASCII);
                        if (!head.equals("HTTP/")) {
                            throw new AssertionError("the server wrote something that is not an HTTP response: " + head);
                        }
                        first = false;
                    }
                } finally {
                    ReferenceCountUtil.release(out);
                }
            }
        } finally {
            ch.finishAndReleaseAll();
        }
        if (unexpected[0] != null) {
            throw new AssertionError("an unexpected exception reached the end of the pipeline", unexpected[0]);
        }
    }
}
