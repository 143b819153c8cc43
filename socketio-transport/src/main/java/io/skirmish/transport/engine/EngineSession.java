package io.skirmish.transport.engine;

import io.skirmish.transport.SessionGate;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.pubsub.DisconnectMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO v4 session and the Socket.IO v5 sockets on it, replacing netty-socketio's own
 * handling while staying a {@link ClientHead}, so that namespaces, listeners, rooms, broadcasts and
 * acks work unchanged. It coordinates the session's parts and ends the session; each part is a
 * class of its own:
 * <ul>
 *   <li>{@link Outbox}: one outbound queue for both transports, bounded: volatile sends are skipped
 *       (over polling, bounded per event), and a client that lets the backlog grow past a hard bound is
 *       disconnected;</li>
 *   <li>{@link Polling}, {@link WebSocketTransport} and {@link WebSocketUpgrade}: the transports, and the
 *       move from one to the other;</li>
 *   <li>{@link Heartbeat}: ping every interval after the last pong, close when a pong is late, as the
 *       reference server;</li>
 *   <li>{@link SocketIoDemux}: nothing reaches a namespace before that namespace's CONNECT passed its
 *       auth listeners (netty-socketio joined the default namespace when the transport bound, and refused
 *       clients stayed in); leaving the main namespace ({@code 41}) keeps the session and its heartbeat.</li>
 * </ul>
 * What netty-socketio sees of it is in {@link SessionHead}. Every way a session ends tears it down
 * once, completely (netty-socketio never removed sessions that
 * never joined a namespace, and closed polling sessions lingered until the ping timeout).
 *
 * <p>Threads: inbound packets, timers and closing run on the session's {@link HomeLoop}, one at a
 * time, so listeners see one client's events in order. Sending is thread-safe.
 */
public final class EngineSession extends SessionHead {
    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    /** The session a channel carries (a WebSocket, or a polling request waiting for data). */
    static final AttributeKey<EngineSession> SESSION = AttributeKey.valueOf("skirmish.engine.session");
    /** Whether the polling GET waiting on a channel wants the connection kept open after the answer. */
    static final AttributeKey<Boolean> KEEP_ALIVE = AttributeKey.valueOf("skirmish.engine.keepAlive");
    /** Set on channels that carry (or carried) a WebSocket. */
    static final AttributeKey<Boolean> WEBSOCKET = AttributeKey.valueOf("skirmish.engine.websocket");

    private final Engine engine;
    private final String sid;
    private final HomeLoop loop;
    private final Outbox outbox;
    private final Polling polling;
    private final WebSocketTransport websocket;
    private final WebSocketUpgrade upgrade;
    private final Heartbeat heartbeat;
    private final SocketIoDemux demux;
    /** Given back to the session gate once: at the first namespace connect, or when the session ends before it. */
    private final AtomicReference<Runnable> admission = new AtomicReference<>();

    private volatile Transport transport;
    private volatile boolean closed;

    EngineSession(Engine engine, UUID id, HandshakeData data, Transport transport, Map<String, List<String>> params,
                  EventLoop eventLoop) {
        super(engine, id, data, transport, params);
        this.engine = engine;
        this.sid = id.toString();
        this.loop = new HomeLoop(eventLoop);
        this.transport = transport;
        this.outbox = new Outbox(engine.settings);
        this.polling = new Polling(this, engine, outbox, loop);
        this.websocket = new WebSocketTransport(this, engine.settings.maxBacklogBytes());
        this.upgrade = new WebSocketUpgrade(this, polling, loop, engine.settings.upgradeTimeoutMs());
        this.heartbeat = new Heartbeat(loop, engine.settings, engine.nanoTime,
                () -> send(new Packet(PacketType.PING, EngineIOVersion.V4)), () -> closeNow(CloseReason.PING_TIMEOUT));
        this.demux = new SocketIoDemux(this, engine);
    }

    String sid() {
        return sid;
    }

    Engine engine() {
        return engine;
    }

    /** This session's socket on a namespace, or null. Any thread. */
    EngineNamespaceClient socket(String namespace) {
        return demux.socket(namespace);
    }

    /** The heartbeat's round trip, for the operator's console. */
    RoundTrip roundTrip() {
        return heartbeat.roundTrip;
    }

    /** Holds the gate's admission until the session connects or ends (see {@link SessionGate.Admission}). */
    void admitted(Runnable release) {
        admission.set(release);
        if (closed) {
            releaseAdmission();
        }
    }

    /** Gives the gate's admission back, once: at the first namespace connect, or at the end. */
    void releaseAdmission() {
        Runnable r = admission.getAndSet(null);
        if (r != null) {
            r.run();
        }
    }

    /** The Engine.IO open packet: {@code 0{"sid",...}}. */
    String openPacket() {
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("sid", sid);
        open.put("upgrades", transport == Transport.POLLING ? List.of("websocket") : List.of());
        open.put("pingInterval", engine.settings.pingIntervalMs());
        open.put("pingTimeout", engine.settings.pingTimeoutMs());
        open.put("maxPayload", engine.settings.maxPayload());
        try {
            return "0" + engine.json.mapper().writeValueAsString(open);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the heartbeat and the connect timeout, once the open packet is on its way. */
    void start() {
        loop.execute(() -> {
            if (closed) return;
            heartbeat.start();
            demux.start(loop);
        });
    }

    // ---------------------------------------------------------------- outbound (any thread)

    @Override
    public ChannelFuture send(Packet packet) {
        return send(packet, transport);
    }

    /** Queues a packet for the client on whatever transport it uses now (the argument is ignored). */
    @Override
    public ChannelFuture send(Packet packet, Transport ignored) {
        if (closed) {
            return null;
        }
        outbox.add(packet);
        if (overBacklog()) {
            close(CloseReason.BACKLOG);
            return null;
        }
        return flush();
    }

    /**
     * A packet the client may miss: refused while too many packets wait for the client (or its
     * WebSocket buffer is full). Over polling the next poll answer carries every one queued since the
     * last poll, in order, up to {@link Outbox#MAX_POLL_VOLATILE} of the same key (then refused), so
     * that a polling client gets every snapshot within that bound, and deltas stay chained.
     */
    boolean sendVolatile(Packet packet, String namespace, String event) {
        if (closed) {
            return false;
        }
        if (transport == Transport.WEBSOCKET) {
            if (!websocket.isWritable() || outbox.full()) {
                return false;
            }
        } else if (!outbox.reservePollVolatile(namespace + '\u0000' + event)) {
            return false;
        }
        send(packet);
        return true;
    }

    private boolean overBacklog() {
        return outbox.overBacklog() || transport == Transport.WEBSOCKET && websocket.overBacklog();
    }

    /** Asks the transport to write what is queued (the encoder drains the outbox on the channel's thread). */
    ChannelFuture flush() {
        return transport == Transport.POLLING ? polling.flush() : websocket.flush();
    }

    /** The next packet for the WebSocket encoder, or null. */
    Packet nextPacket() {
        return outbox.next();
    }

    /** The session is over on its transport: what waits is dropped (shared snapshots' frames let go). */
    void dropQueued() {
        outbox.clear();
    }

    /** What the poll waiting on {@code ch} answers with now, or null (see {@link Polling#takeForPoll}). */
    List<Packet> takeForPoll(Channel ch) {
        return polling.takeForPoll(ch);
    }

    boolean isWebSocket(Channel ch) {
        return websocket.is(ch);
    }

    // ---------------------------------------------------------------- transports (any thread)

    /** A polling GET. Returns null when accepted, else the error to answer with. */
    EngineError onPollRequest(Channel ch, boolean keepAlive) {
        return polling.onPollRequest(ch, keepAlive);
    }

    /** A polling POST starts; an error (and the session closes) when one is already running. */
    EngineError beginDataRequest() {
        return polling.beginDataRequest();
    }

    void endDataRequest() {
        polling.endDataRequest();
    }

    /** The session started on a WebSocket: from now on it writes there. */
    void attachWebSocket(Channel ch) {
        ch.attr(WEBSOCKET).set(Boolean.TRUE);
        ch.attr(SESSION).set(this);
        websocket.use(ch);
        flush();
    }

    /** A WebSocket asks to take over this polling session (see {@link WebSocketUpgrade#accept}). */
    boolean acceptProbe(Channel ch) {
        return upgrade.accept(ch);
    }

    /** The upgrade completed: from now on the session writes to {@code ch}. */
    void useWebSocket(Channel ch) {
        websocket.use(ch);
        transport = Transport.WEBSOCKET;
    }

    /** A channel of this session closed. */
    void onChannelClosed(Channel ch) {
        if (websocket.is(ch)) {
            close(CloseReason.TRANSPORT_CLOSE);
        } else if (upgrade.isProbe(ch)) {
            upgrade.probeClosed(ch);
        } else if (polling.channelClosed(ch)) {
            // As the reference server: a poll whose connection goes away ends the session (no lingering).
            close(CloseReason.TRANSPORT_CLOSE);
        }
    }

    // ---------------------------------------------------------------- inbound (home loop)

    /** Engine.IO packets from {@code from}; handled on the home loop, in order. */
    void receive(Channel from, List<EioPacket> packets) {
        loop.execute(() -> {
            for (EioPacket p : packets) {
                if (closed) return;
                onPacket(from, p);
            }
        });
    }

    /** A client broke the protocol before its packets could be decoded. */
    void violation(ProtocolViolation v) {
        loop.execute(() -> onViolation(v));
    }

    private void onPacket(Channel from, EioPacket p) {
        if (upgrade.isProbe(from)) {
            upgrade.onPacket(from, p);
            return;
        }
        if (!websocket.is(from) && Boolean.TRUE.equals(from.attr(WEBSOCKET).get())) {
            return; // a WebSocket that is not (or no longer) this session's transport
        }
        switch (p.type()) {
            case CLOSE -> closeNow(CloseReason.CLIENT_CLOSE);
            case PONG -> heartbeat.onPong();
            case MESSAGE -> demux.onMessage(p);
            case NOOP -> { }
            // The server pings in Engine.IO v4; a client ping (other than the upgrade probe), an open or an
            // upgrade outside a probe are errors, as in the reference server.
            default -> onViolation(new ProtocolViolation("unexpected Engine.IO packet " + p.type()));
        }
    }

    /** Counts the violation and ends the session (home loop). */
    void onViolation(ProtocolViolation v) {
        engine.violations.run();
        closeNow(CloseReason.PROTOCOL_ERROR, v.getMessage());
    }

    // ---------------------------------------------------------------- closing

    /** Closes the session (from any thread). */
    public void close(CloseReason reason) {
        close(reason, null, () -> { });
    }

    void close(CloseReason reason, String detail) {
        close(reason, detail, () -> { });
    }

    void close(CloseReason reason, Runnable then) {
        close(reason, null, then);
    }

    private void close(CloseReason reason, String detail, Runnable then) {
        loop.execute(() -> {
            try {
                closeNow(reason, detail);
            } finally {
                then.run();
            }
        });
    }

    /** Server-side disconnect of the whole client: every namespace is told, then the connection closes. */
    @Override
    public void disconnect() {
        loop.execute(() -> {
            if (closed) return;
            demux.sendDisconnects();
            closeNow(CloseReason.SERVER_DISCONNECT);
        });
    }

    /** Server-side disconnect of one namespace; the connection closes with the last one. */
    void disconnectSocket(EngineNamespaceClient socket) {
        loop.execute(() -> {
            if (!closed && demux.disconnect(socket)) {
                closeNow(CloseReason.SERVER_DISCONNECT);
            }
        });
    }

    void closeNow(CloseReason reason) {
        closeNow(reason, null);
    }

    /**
     * Ends the session, once (home loop). Logs one short line, never with the client's data: client
     * mistakes are ordinary and must not be a way to flood the log (DEBUG; INFO for a client dropped for
     * its backlog).
     */
    private void closeNow(CloseReason reason, String detail) {
        if (closed) {
            return;
        }
        closed = true;
        releaseAdmission();
        heartbeat.stop();
        demux.end(); // namespace disconnect listeners run here
        getAckManager().onDisconnect(this);
        engine.config.getStoreFactory().onDisconnect(this);
        engine.config.getStoreFactory().pubSubStore().publish(PubSubType.DISCONNECT, new DisconnectMessage(getSessionId()));
        upgrade.end();
        if (reason == CloseReason.CLIENT_CLOSE) {
            outbox.clear();
        }
        if (transport == Transport.POLLING) {
            polling.end(reason);
        } else {
            engine.remove(this);
            websocket.end(reason);
        }
        if (reason == CloseReason.BACKLOG) {
            log.info("session {} closed: {}", sid, reason.text);
        } else if (log.isDebugEnabled()) {
            log.debug("session {} closed: {}{}", sid, reason.text, detail == null ? "" : " (" + detail + ")");
        }
    }

    boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- ClientHead

    @Override
    public Transport getCurrentTransport() {
        return transport;
    }

    @Override
    public boolean isConnected() {
        return !closed;
    }

    @Override
    public boolean isChannelOpen() {
        return !closed && (transport == Transport.POLLING || websocket.isActive());
    }

    /** Whether the client keeps up: few packets waiting, and a WebSocket buffer below its high-water mark. */
    @Override
    public boolean isWritable() {
        return !closed && !outbox.full() && (transport == Transport.POLLING || websocket.isWritable());
    }

    @Override
    public Queue<Packet> getPacketsQueue(Transport transport) {
        return outbox.queue();
    }

    @Override
    public NamespaceClient getChildClient(Namespace namespace) {
        return demux.socket(namespace.getName());
    }

    @Override
    public Set<Namespace> getNamespaces() {
        Set<Namespace> out = ConcurrentHashMap.newKeySet();
        demux.sockets().forEach(s -> out.add(s.getNamespace()));
        return out;
    }

    @Override
    public void removeNamespaceClient(NamespaceClient client) {
        demux.remove(client);
    }

    @Override
    public void onChannelDisconnect() {
        close(CloseReason.TRANSPORT_CLOSE);
    }

    @Override
    public boolean isTransportChannel(Channel channel, Transport transport) {
        return transport == Transport.WEBSOCKET ? websocket.is(channel) : polling.isWaiting(channel);
    }
}
