package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The polling transport of one session: the GET that waits for data (one at a time), the POST that
 * brings data (one at a time), what a poll answer takes from the outbox, and how a polling session
 * ends. Thread-safe: requests arrive on their connections' threads, and the encoder takes a poll's
 * answer on the poll's thread.
 */
final class Polling {
    private final EngineSession session;
    private final Engine engine;
    private final Outbox outbox;
    private final HomeLoop loop;
    private final AtomicBoolean dataRequest = new AtomicBoolean();
    /** The GET waiting for data (guarded by this for changes). */
    private volatile Channel waiting;
    /** The waiting poll is to be answered even with nothing queued (guarded by this). */
    private boolean noopDue;
    /** Closed by the server while the client had packets waiting: kept until the next poll takes them. */
    private volatile boolean draining;

    Polling(EngineSession session, Engine engine, Outbox outbox, HomeLoop loop) {
        this.session = session;
        this.engine = engine;
        this.outbox = outbox;
        this.loop = loop;
    }

    /** A polling GET. Returns null when accepted, else the error to answer with. */
    EngineError onPollRequest(Channel ch, boolean keepAlive) {
        boolean overlap = false;
        synchronized (this) {
            if (session.isClosed() && !draining) {
                return EngineError.UNKNOWN_SID;
            }
            if (session.getCurrentTransport() != Transport.POLLING) {
                return EngineError.BAD_REQUEST;
            }
            if (waiting != null) {
                overlap = true;
            } else {
                ch.attr(EngineSession.KEEP_ALIVE).set(keepAlive);
                ch.attr(EngineSession.SESSION).set(session);
                waiting = ch;
            }
        }
        if (overlap) {
            session.close(CloseReason.PROTOCOL_ERROR, "overlapping polls");
            return EngineError.BAD_REQUEST;
        }
        answer(ch);
        return null;
    }

    /** A polling POST starts; an error (and the session closes) when one is already running. */
    EngineError beginDataRequest() {
        if (session.isClosed()) {
            return EngineError.UNKNOWN_SID;
        }
        if (session.getCurrentTransport() != Transport.POLLING) {
            return EngineError.BAD_REQUEST;
        }
        if (!dataRequest.compareAndSet(false, true)) {
            session.close(CloseReason.PROTOCOL_ERROR, "overlapping data requests");
            return EngineError.BAD_REQUEST;
        }
        return null;
    }

    void endDataRequest() {
        dataRequest.set(false);
    }

    /**
     * What the polling GET waiting on {@code ch} answers with now, or null to keep it waiting. Once
     * the session is closed, or when the upgrade asks for it, it answers at once (a noop when nothing
     * is queued).
     */
    synchronized List<Packet> takeForPoll(Channel ch) {
        if (waiting != ch) {
            return null;
        }
        List<Packet> batch = outbox.drain();
        outbox.pollAnswered();
        if (batch.isEmpty()) {
            if (!session.isClosed() && !noopDue) {
                return null;
            }
            batch.add(new Packet(PacketType.NOOP, EngineIOVersion.V4));
        }
        noopDue = false;
        waiting = null;
        ch.attr(EngineSession.SESSION).set(null);
        if (session.isClosed()) {
            engine.remove(session);
        }
        return batch;
    }

    /** Asks the encoder to answer the waiting poll with what is queued (it stays waiting if nothing is). */
    ChannelFuture flush() {
        Channel ch = waiting;
        return ch == null ? null : answer(ch);
    }

    /** Answers the waiting poll now, with a noop when nothing is queued (the upgrade asks for it). */
    void answerNow() {
        Channel poll;
        synchronized (this) {
            poll = waiting;
            noopDue = poll != null;
        }
        if (poll != null) {
            answer(poll);
        }
    }

    boolean isWaiting(Channel ch) {
        return ch == waiting;
    }

    /** The connection {@code ch} closed: whether it was the waiting poll (which then ends the session). */
    synchronized boolean channelClosed(Channel ch) {
        if (waiting != ch) {
            return false;
        }
        waiting = null;
        return true;
    }

    /** The session moved to WebSocket: a poll still waiting is answered 400, as any poll after the upgrade. */
    void handOver() {
        Channel poll;
        synchronized (this) {
            poll = waiting;
            waiting = null;
        }
        outbox.pollAnswered();
        if (poll != null) {
            poll.attr(EngineSession.SESSION).set(null);
            EngineEncoder.answerPoll(poll, EngineError.BAD_REQUEST,
                    Boolean.TRUE.equals(poll.attr(EngineSession.KEEP_ALIVE).get()), engine.settings.corsOrigin());
        }
    }

    /**
     * The session ended: a waiting poll learns of it (a noop when the client closed, as the reference
     * server; else a close packet after whatever was still queued). Without a waiting poll, a session
     * the server disconnected with packets queued is kept for the client's next poll, so that it learns
     * why (as the reference server); any other is gone at once.
     */
    void end(CloseReason reason) {
        outbox.add(new Packet(reason == CloseReason.CLIENT_CLOSE ? PacketType.NOOP : PacketType.CLOSE,
                EngineIOVersion.V4));
        Channel poll = waiting;
        if (poll != null) {
            answer(poll);
        } else if (reason == CloseReason.SERVER_DISCONNECT && outbox.size() > 1) {
            draining = true;
            loop.schedule(() -> {
                engine.remove(session);
                outbox.clear(); // what no poll took: a shared snapshot's frame must not wait for it
            }, engine.settings.pingIntervalMs() + engine.settings.pingTimeoutMs(), TimeUnit.MILLISECONDS);
        } else {
            engine.remove(session);
            outbox.clear();
        }
    }

    private ChannelFuture answer(Channel poll) {
        return poll.writeAndFlush(new OutPacketMessage(session, Transport.POLLING));
    }
}
