package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * The WebSocket of one session, once it has one (from the handshake, or from the upgrade): where the
 * session writes, how full its buffer is, and how it ends. Thread-safe.
 */
final class WebSocketTransport {
    private final EngineSession session;
    private final long maxBacklogBytes;
    private volatile Channel ch;

    WebSocketTransport(EngineSession session, long maxBacklogBytes) {
        this.session = session;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    /** From now on the session writes to {@code ch}. */
    void use(Channel ch) {
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

    /** Asks the encoder to write what is queued. */
    ChannelFuture flush() {
        Channel w = ch;
        return w == null ? null : w.writeAndFlush(new OutPacketMessage(session, Transport.WEBSOCKET));
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
