package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of a polling session to WebSocket, as the reference server: one probe at a time, and
 * only while polling (netty-socketio let a second WebSocket replace the first); {@code 2probe} is
 * answered {@code 3probe}, the waiting poll is answered every 100 ms so that the client can pause
 * polling, and {@code 5} makes the probe the session's transport. A probe that sends anything else,
 * closes, or takes longer than the upgrade timeout is dropped and the session goes on polling.
 */
final class WebSocketUpgrade {
    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);
    private static final long CHECK_MS = 100;

    private final EngineSession session;
    private final Polling polling;
    private final HomeLoop loop;
    private final long timeoutMs;
    /** The WebSocket asking to take over (guarded by this for changes). */
    private volatile Channel probe;

    // home loop only
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> check;

    WebSocketUpgrade(EngineSession session, Polling polling, HomeLoop loop, long timeoutMs) {
        this.session = session;
        this.polling = polling;
        this.loop = loop;
        this.timeoutMs = timeoutMs;
    }

    /** A WebSocket asks to take over the session: whether it may try (false: it is to be closed). */
    synchronized boolean accept(Channel ch) {
        if (session.isClosed() || session.getCurrentTransport() != Transport.POLLING || probe != null) {
            return false;
        }
        probe = ch;
        ch.attr(EngineSession.WEBSOCKET).set(Boolean.TRUE);
        ch.attr(EngineSession.SESSION).set(session);
        loop.execute(() -> {
            HomeLoop.cancel(timeout);
            timeout = loop.schedule(() -> drop(ch, WebSocketCloseStatus.NORMAL_CLOSURE), timeoutMs, TimeUnit.MILLISECONDS);
        });
        return true;
    }

    boolean isProbe(Channel ch) {
        return ch == probe;
    }

    /** An Engine.IO packet on the probe (home loop). */
    void onPacket(Channel ch, EioPacket p) {
        if (!p.isBinary() && p.type() == EioPacket.Type.PING && "probe".equals(p.text())) {
            ch.writeAndFlush(new TextWebSocketFrame("3probe"));
            // As the reference server: every 100 ms, a waiting poll is answered (a noop if nothing is
            // queued) so that the client can pause polling and send the upgrade. A poll still waiting
            // when the upgrade comes is answered 400, as any poll after the upgrade.
            HomeLoop.cancel(check);
            check = loop.scheduleAtFixedRate(polling::answerNow, CHECK_MS);
        } else if (!p.isBinary() && p.type() == EioPacket.Type.UPGRADE && p.text().isEmpty()) {
            complete(ch);
        } else {
            log.debug("session {}: invalid upgrade packet, probe closed", session.sid());
            drop(ch, WebSocketCloseStatus.PROTOCOL_ERROR);
        }
    }

    /** The probe's connection closed before the upgrade completed. */
    void probeClosed(Channel ch) {
        loop.execute(() -> drop(ch, WebSocketCloseStatus.NORMAL_CLOSURE));
    }

    /** The session ended (home loop): the timers stop and a probe is closed. */
    void end() {
        stopTimers();
        Channel p = probe;
        if (p != null) {
            p.close();
        }
    }

    private void complete(Channel ch) {
        synchronized (this) {
            if (session.isClosed() || probe != ch) {
                return;
            }
            session.useWebSocket(ch);
            probe = null;
        }
        stopTimers();
        polling.handOver();
        session.flush();
    }

    /** Ends a probe that will not become the transport: a close frame with {@code status}, then the close. */
    private void drop(Channel ch, WebSocketCloseStatus status) {
        synchronized (this) {
            if (probe != ch) {
                return;
            }
            probe = null;
        }
        stopTimers();
        if (ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.close();
        }
    }

    private void stopTimers() {
        HomeLoop.cancel(timeout);
        HomeLoop.cancel(check);
    }
}
