package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket of one session, once it has one (from the handshake, or from the upgrade): where the
 * session writes, how full its buffer is, and how it ends. Thread-safe.
 *
 * <p>Writes are coalesced: a packet queued from another thread (a room's game thread) asks the
 * channel's event loop to write what is queued, unless such a write is already waiting; that one
 * write takes every packet queued by then and flushes once. A room's fan-out thus costs each member
 * one task and one flush per tick however many packets it queued, and no promise or message object
 * per packet. On the channel's own event loop the queue is written at once, so that what a handler
 * sends keeps its order with what it writes directly (a close frame).
 */
final class WebSocketTransport {
    private final EngineSession session;
    private final long maxBacklogBytes;
    private volatile Channel ch;
    /** The encoder's context on {@link #ch}: queued packets are written from there (null: through the pipeline). */
    private volatile ChannelHandlerContext encoder;
    /**
     * Whether {@link #ch} frames as RFC 6455 ({@link WireFrame#rfc6455}), read once when the channel is
     * taken into use rather than from the channel's attributes at every write. Set before {@link #ch}.
     */
    private volatile boolean rawFrames;
    /** A write of the queue waits on the channel's event loop. */
    private final AtomicBoolean writeWaiting = new AtomicBoolean();
    private final Runnable writeTask = this::writeWaiting;

    WebSocketTransport(EngineSession session, long maxBacklogBytes) {
        this.session = session;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    /** From now on the session writes to {@code ch}. */
    void use(Channel ch) {
        this.encoder = ch.pipeline().context(EngineChannelInitializer.SOCKETIO_ENCODER);
        this.rawFrames = WireFrame.rfc6455(ch);
        this.ch = ch;
    }

    boolean is(Channel c) {
        return c == ch;
    }

    boolean isActive() {
        Channel w = ch;
        return w != null && w.isActive();
    }

    /** Whether its buffer is below the high-water mark. */
    boolean isWritable() {
        Channel w = ch;
        return w != null && w.isWritable();
    }

    /** Whether more bytes wait in its buffer than the hard bound allows: the client is not reading. */
    boolean overBacklog() {
        Channel w = ch;
        return w != null && w.bytesBeforeWritable() > maxBacklogBytes;
    }

    /** Writes what is queued: now on the channel's event loop, else by one task there (if none waits yet). */
    ChannelFuture flush() {
        Channel w = ch;
        if (w == null) {
            return null;
        }
        if (w.eventLoop().inEventLoop()) {
            writeQueued(w);
        } else if (writeWaiting.compareAndSet(false, true)) {
            w.eventLoop().execute(writeTask);
        }
        return null;
    }

    private void writeWaiting() {
        writeWaiting.set(false);
        Channel w = ch;
        if (w == null) {
            return;
        }
        if (!w.eventLoop().inEventLoop()) {
            flush(); // the session moved to another channel meanwhile (an upgrade): write there
            return;
        }
        writeQueued(w);
    }

    private void writeQueued(Channel w) {
        ChannelHandlerContext ctx = encoder;
        if (ctx == null || ctx.channel() != w || ctx.isRemoved()) {
            w.writeAndFlush(new OutPacketMessage(session, Transport.WEBSOCKET));
            return;
        }
        if (EngineEncoder.writeFrames(ctx, session, rawFrames)) {
            ctx.flush();
        }
    }

    /**
     * The session ended: after a close the server decided on, what is queued is written first; then a
     * close frame (1001 when the server shuts down, else 1000), and the connection closes; whatever is
     * still queued then is dropped.
     */
    void end(CloseReason reason) {
        Channel w = ch;
        if (w != null && w.isActive()) {
            if (reason.graceful()) {
                flush();
            }
            WebSocketCloseStatus status = reason == CloseReason.SERVER_SHUTDOWN
                    ? WebSocketCloseStatus.ENDPOINT_UNAVAILABLE : WebSocketCloseStatus.NORMAL_CLOSURE;
            w.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE)
                    .addListener(f -> session.dropQueued());
        } else {
            session.dropQueued();
        }
    }
}
