package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import com.corundumstudio.socketio.protocol.Packet;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what sessions queue: over WebSocket one text frame per packet and one binary frame per
 * attachment (raw bytes: netty-socketio prefixed each with 0x04, which v4 clients kept as data); over
 * polling, the answer to the waiting GET with every queued packet joined by 0x1e and attachments as
 * {@code b}+base64 (netty-socketio's binary framing there made clients fail to parse). Polling
 * answers keep the connection open when the request asked for keep-alive (netty-socketio closed it
 * after each poll while announcing keep-alive, which Node's HTTP agent reported as "socket hang up").
 * A {@link SharedPacket} is encoded once for all its recipients; every other packet at each write.
 */
@ChannelHandler.Sharable
final class EngineEncoder extends ChannelOutboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EngineEncoder.class);
    static final String TEXT = "text/plain; charset=UTF-8";

    private final Engine engine;

    EngineEncoder(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof OutPacketMessage out) || !(out.getClientHead() instanceof EngineSession s)) {
            ctx.write(msg, promise);
            return;
        }
        if (out.getTransport() == Transport.WEBSOCKET) {
            writeFrames(ctx, s, promise);
        } else {
            writePoll(ctx, s, promise);
        }
    }

    private void writeFrames(ChannelHandlerContext ctx, EngineSession s, ChannelPromise promise) {
        writeFrames(ctx, s, WireFrame.rfc6455(ctx.channel()));
        promise.trySuccess();
    }

    /**
     * Writes (without flushing) every packet the session has queued, as frames on its WebSocket, from
     * {@code ctx} (this encoder's context on that channel; its event loop), whole frames of shared
     * packets when {@code rawFrames} (the channel frames as RFC 6455, see {@link WireFrame}). Returns
     * whether it wrote any.
     */
    static boolean writeFrames(ChannelHandlerContext ctx, EngineSession s, boolean rawFrames) {
        if (!s.isWebSocket(ctx.channel())) {
            return false; // not (or no longer) this session's WebSocket: the packets stay queued
        }
        boolean wrote = false;
        for (Packet p; (p = s.nextPacket()) != null; ) {
            try {
                SharedPacket.Wire w = encode(s, p);
                if (w == null) continue;
                if (rawFrames && p instanceof SharedPacket shared) {
                    // The whole frame, built once: every recipient is written the same bytes.
                    ctx.write(shared.frame(w, ctx.alloc()), ctx.voidPromise());
                } else {
                    // Wrapped, not copied: Netty's WebSocket encoder frames it.
                    ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(w.utf8())), ctx.voidPromise());
                }
                List<byte[]> attachments = w.attachments();
                for (int i = 0; i < attachments.size(); i++) { // no iterator per packet
                    ctx.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(attachments.get(i))), ctx.voidPromise());
                }
                wrote = true;
            } finally {
                SharedPacket.done(p);
            }
        }
        return wrote;
    }

    private void writePoll(ChannelHandlerContext ctx, EngineSession s, ChannelPromise promise) {
        List<Packet> batch = s.takeForPoll(ctx.channel());
        if (batch == null) {
            promise.trySuccess(); // no poll waiting here, or nothing to say yet
            return;
        }
        StringBuilder payload = new StringBuilder(64);
        for (Packet p : batch) {
            SharedPacket.Wire e = encode(s, p);
            SharedPacket.done(p); // the poll answer takes the shared text, not the frame
            if (e == null) continue;
            if (payload.length() > 0) payload.append((char) EngineIoCodec.SEPARATOR);
            payload.append(e.text());
            for (byte[] a : e.attachments()) {
                payload.append((char) EngineIoCodec.SEPARATOR);
                EngineIoCodec.appendBinary(payload, a);
            }
        }
        if (payload.length() == 0) {
            payload.append('6');
        }
        boolean keepAlive = Boolean.TRUE.equals(ctx.channel().attr(EngineSession.KEEP_ALIVE).get());
        ctx.write(response(HttpResponseStatus.OK, payload.toString(), TEXT, keepAlive, engine.settings.corsOrigin()),
                promise);
        if (!keepAlive) {
            promise.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The packet on the wire: a shared packet's form, built once; any other's, built here. */
    private static SharedPacket.Wire encode(EngineSession s, Packet p) {
        PacketWriter writer = s.engine().writer;
        try {
            if (p instanceof SharedPacket shared) {
                return shared.wire(writer);
            }
            return SharedPacket.Wire.of(writer.encode(p));
        } catch (Exception e) {
            log.warn("session {}: a packet could not be encoded and was dropped: {}", s.sid(), e.toString());
            return null;
        }
    }

    /** Answers a waiting poll with an error (when an upgrade took the session away from polling). */
    static void answerPoll(Channel ch, EngineError error, boolean keepAlive, String cors) {
        var f = ch.writeAndFlush(response(error.status(), error.json(), "application/json", keepAlive, cors));
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse response(HttpResponseStatus status, String body, String contentType, boolean keepAlive,
                                     String cors) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (cors != null) {
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, cors);
        }
        HttpUtil.setKeepAlive(res, keepAlive);
        return res;
    }
}
