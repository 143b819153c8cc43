package io.skirmish.net.engine;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.pubsub.DisconnectMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO v4 session and the Socket.IO v5 sockets on it, replacing netty-socketio's own
 * handling while staying a {@link ClientHead}, so that namespaces, listeners, rooms, broadcasts and
 * acks work unchanged. What it fixes, as measured on netty-socketio 2.0.14:
 * <ul>
 *   <li>nothing reaches a namespace before that namespace's CONNECT passed its auth listeners (the
 *       default namespace was joined when the transport bound, and refused clients stayed in);</li>
 *   <li>every way a session ends tears it down once, completely (sessions that never joined a
 *       namespace were never removed; closed polling sessions lingered until the ping timeout);</li>
 *   <li>leaving the main namespace ({@code 41}) keeps the Engine.IO session and its heartbeat;</li>
 *   <li>heartbeat as the reference server: ping every interval after the last pong, close when a
 *       pong is late;</li>
 *   <li>one outbound queue for both transports, bounded: volatile sends are skipped or replaced by the
 *       newer one, and a client that lets the backlog grow past a hard bound is disconnected.</li>
 * </ul>
 *
 * <p>Threads: inbound packets, timers and closing run on the session's home event loop (the one of
 * the handshake request), one at a time, so listeners see one client's events in order. Sending is
 * thread-safe.
 */
public final class EngineSession extends ClientHead {
    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private static final long UPGRADE_CHECK_MS = 100;

    /** The session a channel carries (a WebSocket, or a polling request waiting for data). */
    static final AttributeKey<EngineSession> SESSION = AttributeKey.valueOf("skirmish.engine.session");
    /** Whether the polling GET waiting on a channel wants the connection kept open after the answer. */
    static final AttributeKey<Boolean> KEEP_ALIVE = AttributeKey.valueOf("skirmish.engine.keepAlive");
    /** Set on channels that carry (or carried) a WebSocket. */
    static final AttributeKey<Boolean> WEBSOCKET = AttributeKey.valueOf("skirmish.engine.websocket");

    /** Why a session ended. */
    public enum CloseReason {
        CLIENT_CLOSE("client closed"),
        TRANSPORT_CLOSE("transport closed"),
        PING_TIMEOUT("ping timeout"),
        CONNECT_TIMEOUT("no namespace connect"),
        PROTOCOL_ERROR("protocol error"),
        BACKLOG("client not reading, backlog over the limit"),
        SERVER_DISCONNECT("server disconnect"),
        SERVER_SHUTDOWN("server shutting down");

        final String text;

        CloseReason(String text) {
            this.text = text;
        }

        /** Closes the server decided on, after which queued packets are still delivered. */
        boolean graceful() {
            return this == SERVER_DISCONNECT || this == SERVER_SHUTDOWN;
        }
    }

    private final Engine engine;
    private final String sid;
    private final EventLoop loop;
    private final SocketIoDecoder decoder;
    private final Queue<Packet> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /**
     * Over polling, how many volatile packets of each key wait for the next poll (guarded by this). A
     * poll answer carries them all, in order; past {@link #MAX_POLL_VOLATILE} more are refused.
     */
    private final Map<String, Integer> pollVolatile = new java.util.HashMap<>();
    /**
     * Snapshots one poll answer carries at most: about the client's interpolation window at 30 Hz
     * (a third of a second). Beyond it the room sees the snapshot as skipped (a compact client then
     * gets a keyframe next), so what waits for a polling client stays bounded.
     */
    static final int MAX_POLL_VOLATILE = 10;
    private final Map<String, EngineNamespaceClient> sockets = new ConcurrentHashMap<>();
    private final AtomicBoolean dataRequest = new AtomicBoolean();
    /** Given back to the session gate once: at the first namespace connect, or when the session ends before it. */
    private final java.util.concurrent.atomic.AtomicReference<Runnable> admission = new java.util.concurrent.atomic.AtomicReference<>();

    private volatile Transport transport;
    private volatile boolean closed;
    /** Closed by the server while a polling client had packets waiting: kept until the next poll takes them. */
    private volatile boolean draining;
    /** The polling GET waiting for data (guarded by this for changes). */
    private volatile Channel pollChannel;
    private volatile Channel ws;
    private volatile Channel probe;
    private volatile boolean upgrading;
    /** The waiting poll is to be answered even with nothing queued (guarded by this). */
    private boolean noopDue;

    /** The heartbeat's round trip, for the operator's console. */
    final RoundTrip roundTrip = new RoundTrip();

    // home loop only
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> pongTimer;
    private ScheduledFuture<?> connectTimer;
    private ScheduledFuture<?> upgradeTimer;
    private ScheduledFuture<?> upgradeCheck;
    private ScheduledFuture<?> drainTimer;

    EngineSession(Engine engine, UUID id, HandshakeData data, Transport transport, Map<String, List<String>> params,
                  EventLoop loop) {
        super(id, engine.acks, client -> { }, engine.config.getStoreFactory(), data, engine.box, transport, null,
                engine.config, params);
        this.engine = engine;
        this.sid = id.toString();
        this.loop = loop;
        this.transport = transport;
        this.decoder = new SocketIoDecoder(engine.json.mapper());
    }

    String sid() {
        return sid;
    }

    /** Holds the gate's admission until the session connects or ends (see {@link SessionGate.Admission}). */
    void admitted(Runnable release) {
        admission.set(release);
        if (closed) {
            releaseAdmission();
        }
    }

    private void releaseAdmission() {
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
        execute(() -> {
            if (closed) return;
            scheduleHeartbeat();
            connectTimer = loop.schedule(() -> {
                if (sockets.isEmpty()) {
                    doClose(CloseReason.CONNECT_TIMEOUT);
                }
            }, engine.settings.connectTimeoutMs(), TimeUnit.MILLISECONDS);
        });
    }

    // ---------------------------------------------------------------- outbound

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
        enqueue(packet);
        if (overBacklog()) {
            close(CloseReason.BACKLOG);
            return null;
        }
        return flush();
    }

    /**
     * A packet the client may miss: refused while too many packets wait for the client (or its
     * WebSocket buffer is full). Over polling the next poll answer carries every one queued since the
     * last poll, in order, up to {@link #MAX_POLL_VOLATILE} of the same key (then refused), so that a
     * polling client gets every snapshot within that bound, and deltas stay chained.
     */
    boolean sendVolatile(Packet packet, String key) {
        if (closed) {
            return false;
        }
        if (transport == Transport.WEBSOCKET) {
            Channel w = ws;
            if (w == null || !w.isWritable() || queued.get() >= engine.settings.maxQueuedPackets()) {
                return false;
            }
            send(packet);
            return true;
        }
        synchronized (this) {
            int waiting = pollVolatile.getOrDefault(key, 0);
            if (waiting >= MAX_POLL_VOLATILE || queued.get() >= engine.settings.maxQueuedPackets()) {
                return false;
            }
            pollVolatile.put(key, waiting + 1);
        }
        send(packet);
        return true;
    }

    private void enqueue(Packet p) {
        outbox.add(p);
        queued.incrementAndGet();
    }

    private boolean overBacklog() {
        if (queued.get() > engine.settings.maxBacklogPackets()) {
            return true;
        }
        Channel w = ws;
        return transport == Transport.WEBSOCKET && w != null
                && w.bytesBeforeWritable() > engine.settings.maxBacklogBytes();
    }

    /** Asks the transport to write what is queued (the encoder drains the outbox on the channel's thread). */
    private ChannelFuture flush() {
        Transport t = transport;
        Channel ch = t == Transport.WEBSOCKET ? ws : pollChannel;
        return ch == null ? null : ch.writeAndFlush(new OutPacketMessage(this, t));
    }

    /** The next packet for the WebSocket encoder, or null. */
    Packet nextPacket() {
        Packet p = outbox.poll();
        if (p != null) {
            queued.decrementAndGet();
        }
        return p;
    }

    boolean isWebSocket(Channel ch) {
        return ch == ws;
    }

    /**
     * What the polling GET waiting on {@code ch} answers with now, or null to keep it waiting. Once
     * closed, or when the upgrade check asks for it, it answers at once (a noop when nothing is queued).
     */
    synchronized List<Packet> takeForPoll(Channel ch) {
        if (pollChannel != ch) {
            return null;
        }
        List<Packet> batch = new ArrayList<>();
        for (Packet p; (p = nextPacket()) != null; ) {
            batch.add(p);
        }
        pollVolatile.clear();
        if (batch.isEmpty()) {
            if (!closed && !noopDue) {
                return null;
            }
            batch.add(new Packet(PacketType.NOOP, EngineIOVersion.V4));
        }
        noopDue = false;
        pollChannel = null;
        ch.attr(SESSION).set(null);
        if (closed) {
            engine.remove(this);
        }
        return batch;
    }

    // ---------------------------------------------------------------- transports (any thread)

    /** A polling GET. Returns null when accepted, else the error to answer with. */
    EngineError onPollRequest(Channel ch, boolean keepAlive) {
        boolean overlap = false;
        synchronized (this) {
            if (closed && !draining) {
                return EngineError.UNKNOWN_SID;
            }
            if (transport != Transport.POLLING) {
                return EngineError.BAD_REQUEST;
            }
            if (pollChannel != null) {
                overlap = true;
            } else {
                ch.attr(KEEP_ALIVE).set(keepAlive);
                ch.attr(SESSION).set(this);
                pollChannel = ch;
            }
        }
        if (overlap) {
            close(CloseReason.PROTOCOL_ERROR, "overlapping polls");
            return EngineError.BAD_REQUEST;
        }
        ch.writeAndFlush(new OutPacketMessage(this, Transport.POLLING));
        return null;
    }

    /** A polling POST starts; false (and the session closes) when one is already running. */
    EngineError beginDataRequest() {
        if (closed) {
            return EngineError.UNKNOWN_SID;
        }
        if (transport != Transport.POLLING) {
            return EngineError.BAD_REQUEST;
        }
        if (!dataRequest.compareAndSet(false, true)) {
            close(CloseReason.PROTOCOL_ERROR, "overlapping data requests");
            return EngineError.BAD_REQUEST;
        }
        return null;
    }

    void endDataRequest() {
        dataRequest.set(false);
    }

    /** The session started on a WebSocket: from now on it writes there. */
    void attachWebSocket(Channel ch) {
        ch.attr(WEBSOCKET).set(Boolean.TRUE);
        ch.attr(SESSION).set(this);
        ws = ch;
        flush();
    }

    /**
     * A WebSocket asks to take over this polling session. Only one, and only while polling (the
     * reference server closes any other); netty-socketio let a second one replace the first.
     */
    synchronized boolean acceptProbe(Channel ch) {
        if (closed || transport != Transport.POLLING || probe != null) {
            return false;
        }
        probe = ch;
        ch.attr(WEBSOCKET).set(Boolean.TRUE);
        ch.attr(SESSION).set(this);
        execute(() -> {
            cancel(upgradeTimer);
            upgradeTimer = loop.schedule(() -> dropProbe(ch, WebSocketCloseStatus.NORMAL_CLOSURE), engine.settings.upgradeTimeoutMs(), TimeUnit.MILLISECONDS);
        });
        return true;
    }

    /** A channel of this session closed. */
    void onChannelClosed(Channel ch) {
        if (ch == ws) {
            close(CloseReason.TRANSPORT_CLOSE);
        } else if (ch == probe) {
            execute(() -> dropProbe(ch, WebSocketCloseStatus.NORMAL_CLOSURE));
        } else {
            boolean pending;
            synchronized (this) {
                pending = pollChannel == ch;
                if (pending) {
                    pollChannel = null;
                }
            }
            if (pending) {
                // As the reference server: a poll whose connection goes away ends the session (no lingering).
                close(CloseReason.TRANSPORT_CLOSE);
            }
        }
    }

    /** Engine.IO packets from {@code from}; handled on the home loop, in order. */
    void receive(Channel from, List<EioPacket> packets) {
        execute(() -> {
            for (EioPacket p : packets) {
                if (closed) return;
                onPacket(from, p);
            }
        });
    }

    /** A client broke the protocol before its packets could be decoded. */
    void violation(ProtocolViolation v) {
        execute(() -> onViolation(v));
    }

    // ---------------------------------------------------------------- Engine.IO (home loop)

    private void onPacket(Channel from, EioPacket p) {
        if (from == probe) {
            onProbePacket(from, p);
            return;
        }
        if (from != ws && Boolean.TRUE.equals(from.attr(WEBSOCKET).get())) {
            return; // a WebSocket that is not (or no longer) this session's transport
        }
        switch (p.type()) {
            case CLOSE -> doClose(CloseReason.CLIENT_CLOSE);
            case PONG -> {
                roundTrip.ponged();
                cancel(pongTimer);
                pongTimer = null;
                scheduleHeartbeat();
            }
            case MESSAGE -> onMessage(p);
            case NOOP -> { }
            // The server pings in Engine.IO v4; a client ping (other than the upgrade probe), an open or an
            // upgrade outside a probe are errors, as in the reference server.
            default -> onViolation(new ProtocolViolation("unexpected Engine.IO packet " + p.type()));
        }
    }

    private void onProbePacket(Channel ch, EioPacket p) {
        if (!p.isBinary() && p.type() == EioPacket.Type.PING && "probe".equals(p.text())) {
            ch.writeAndFlush(new TextWebSocketFrame("3probe"));
            upgrading = true;
            // As the reference server: every 100 ms, a waiting poll is answered (a noop if nothing is
            // queued) so that the client can pause polling and send the upgrade. A poll still waiting
            // when the upgrade comes is answered 400, as any poll after the upgrade.
            cancel(upgradeCheck);
            upgradeCheck = loop.scheduleAtFixedRate(() -> {
                Channel poll;
                synchronized (this) {
                    poll = pollChannel;
                    noopDue = poll != null;
                }
                if (poll != null) {
                    poll.writeAndFlush(new OutPacketMessage(this, Transport.POLLING));
                }
            }, UPGRADE_CHECK_MS, UPGRADE_CHECK_MS, TimeUnit.MILLISECONDS);
        } else if (!p.isBinary() && p.type() == EioPacket.Type.UPGRADE && p.text().isEmpty()) {
            completeUpgrade(ch);
        } else {
            log.debug("session {}: invalid upgrade packet, probe closed", sid);
            dropProbe(ch, WebSocketCloseStatus.PROTOCOL_ERROR);
        }
    }

    private void completeUpgrade(Channel ch) {
        Channel poll;
        synchronized (this) {
            if (closed || probe != ch) {
                return;
            }
            transport = Transport.WEBSOCKET;
            ws = ch;
            probe = null;
            upgrading = false;
            poll = pollChannel;
            pollChannel = null;
        }
        cancel(upgradeTimer);
        cancel(upgradeCheck);
        synchronized (this) {
            pollVolatile.clear();
        }
        if (poll != null) {
            poll.attr(SESSION).set(null);
            EngineEncoder.answerPoll(poll, EngineError.BAD_REQUEST, Boolean.TRUE.equals(poll.attr(KEEP_ALIVE).get()),
                    engine.settings.corsOrigin());
        }
        flush();
    }

    /** Ends a probe that will not become the transport: a close frame with {@code status}, then the close. */
    private void dropProbe(Channel ch, WebSocketCloseStatus status) {
        synchronized (this) {
            if (probe != ch) {
                return;
            }
            probe = null;
            upgrading = false;
        }
        cancel(upgradeTimer);
        cancel(upgradeCheck);
        if (ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.close();
        }
    }

    private void scheduleHeartbeat() {
        cancel(pingTimer);
        long pingDue = engine.nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(engine.settings.pingIntervalMs());
        pingTimer = loop.schedule(() -> {
            if (closed) return;
            roundTrip.pinged();
            send(new Packet(PacketType.PING, EngineIOVersion.V4));
            cancel(pongTimer);
            // The pong is due pingTimeout after the ping was due, even if this task ran late: late timers
            // must not add up (the official suite checks the session is gone at interval + timeout).
            long pongDue = pingDue + TimeUnit.MILLISECONDS.toNanos(engine.settings.pingTimeoutMs());
            pongTimer = loop.schedule(() -> doClose(CloseReason.PING_TIMEOUT),
                    Math.max(0, pongDue - engine.nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
        }, engine.settings.pingIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void onViolation(ProtocolViolation v) {
        engine.violations.run();
        doClose(CloseReason.PROTOCOL_ERROR, v.getMessage());
    }

    // ---------------------------------------------------------------- Socket.IO (home loop)

    private void onMessage(EioPacket p) {
        SioPacket sp;
        try {
            sp = p.isBinary() ? decoder.binary(p.binary()) : decoder.text(p.text());
        } catch (ProtocolViolation v) {
            onViolation(v);
            return;
        }
        if (sp == null) {
            return; // waits for attachments
        }
        String name = sp.nsp().equals("/") ? Namespace.DEFAULT_NAME : sp.nsp();
        EngineNamespaceClient socket = sockets.get(name);
        if (socket == null && sp.type() == SioPacket.Type.CONNECT) {
            connect(name, sp);
        } else if (socket != null && sp.type() != SioPacket.Type.CONNECT && sp.type() != SioPacket.Type.CONNECT_ERROR) {
            switch (sp.type()) {
                case EVENT, BINARY_EVENT -> onEvent(socket, sp);
                case ACK, BINARY_ACK -> onAck(socket, sp);
                case DISCONNECT -> socket.onDisconnect(); // leaves the namespace; the session goes on
                default -> { }
            }
        } else {
            // As the reference server: a packet for a namespace the client has not connected to (events
            // before CONNECT included), or a second CONNECT, closes the connection.
            onViolation(new ProtocolViolation("invalid state for packet type " + sp.type()));
        }
    }

    private void connect(String name, SioPacket sp) {
        Namespace ns = engine.namespace(name);
        if (ns == null) {
            // {message}, as the reference server; netty-socketio sent a bare string.
            sendConnectError(name, Map.of("message", "Invalid namespace"));
            return;
        }
        Map<String, Object> auth;
        try {
            auth = sp.data() == null ? new LinkedHashMap<>() : engine.json.mapper().treeToValue(sp.data(),
                    engine.json.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            onViolation(new ProtocolViolation("invalid auth payload"));
            return;
        }
        getHandshakeData().setAuthToken(auth);
        AuthTokenResult verdict = ns.onAuthData(new PendingClient(this, ns), auth);
        if (!verdict.isSuccess()) {
            sendConnectError(name, connectErrorData(verdict.getErrorData()));
            return;
        }
        EngineNamespaceClient socket = new EngineNamespaceClient(this, ns, engine.newSocketId());
        sockets.put(name, socket);
        cancel(connectTimer);
        connectTimer = null;
        releaseAdmission();
        Packet ok = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        ok.setSubType(PacketType.CONNECT);
        ok.setNsp(name);
        ok.setData(Map.of("sid", socket.socketId()));
        send(ok);
        socket.ready();
        ns.onConnect(socket);
    }

    private void sendConnectError(String name, Object data) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.ERROR);
        p.setNsp(name);
        p.setData(data);
        send(p);
    }

    /** What the client's {@code connect_error} carries: always an object with a {@code message}. */
    static Object connectErrorData(Object errorData) {
        if (errorData instanceof Map<?, ?> m && m.get("message") instanceof String) {
            return m;
        }
        if (errorData instanceof String s) {
            return Map.of("message", s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "Not authorized");
        if (errorData != null) {
            out.put("data", errorData);
        }
        return out;
    }

    private void onEvent(EngineNamespaceClient socket, SioPacket sp) {
        JsonNode array = sp.data();
        String event = array.get(0).asText();
        Namespace ns = socket.getNamespace();
        List<Class<?>> classes = engine.json.eventClasses(ns.getName(), event);
        if (classes == null) {
            classes = engine.json.eventClasses(Namespace.DEFAULT_NAME, event);
        }
        List<Object> args = new ArrayList<>(array.size() - 1);
        try {
            for (int i = 1; i < array.size(); i++) {
                Class<?> type = classes != null && i - 1 < classes.size() ? classes.get(i - 1) : Object.class;
                args.add(engine.json.convert(array.get(i), type));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("session {}: event arguments do not fit the listener's types; dropped", sid);
            return;
        }
        Packet original = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        original.setSubType(PacketType.EVENT);
        original.setNsp(ns.getName());
        original.setName(event);
        original.setData(args);
        if (sp.id() != null) {
            original.setAckId(sp.id());
        }
        ns.onEvent(socket, event, args, new AckRequest(original, socket));
    }

    private void onAck(EngineNamespaceClient socket, SioPacket sp) {
        if (sp.id() == null) {
            return;
        }
        AckCallback<?> callback = getAckManager().getCallback(getSessionId(), sp.id());
        if (callback == null) {
            return;
        }
        JsonNode array = sp.data();
        List<Object> args = new ArrayList<>();
        try {
            if (callback instanceof MultiTypeAckCallback multi) {
                Class<?>[] types = multi.getResultClasses();
                for (int i = 0; i < array.size(); i++) {
                    args.add(engine.json.convert(array.get(i), i < types.length ? types[i] : Object.class));
                }
            } else if (!array.isEmpty()) {
                // A single-type callback takes one argument (more made netty-socketio log an error each time).
                args.add(engine.json.convert(array.get(0), callback.getResultClass()));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("session {}: ack arguments do not fit the callback's types; dropped", sid);
            return;
        }
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.ACK);
        p.setNsp(socket.getNamespace().getName());
        p.setAckId(sp.id());
        p.setData(args);
        getAckManager().onAck(socket, p);
    }

    // ---------------------------------------------------------------- closing

    /** Closes the session (from any thread). */
    public void close(CloseReason reason) {
        close(reason, null, () -> { });
    }

    private void close(CloseReason reason, String detail) {
        close(reason, detail, () -> { });
    }

    void close(CloseReason reason, Runnable then) {
        close(reason, null, then);
    }

    private void close(CloseReason reason, String detail, Runnable then) {
        execute(() -> {
            try {
                doClose(reason, detail);
            } finally {
                then.run();
            }
        });
    }

    /** Server-side disconnect of the whole client: every namespace is told, then the connection closes. */
    @Override
    public void disconnect() {
        execute(() -> {
            if (closed) return;
            for (EngineNamespaceClient s : sockets.values()) {
                send(disconnectPacket(s));
            }
            doClose(CloseReason.SERVER_DISCONNECT);
        });
    }

    /** Server-side disconnect of one namespace; the connection closes with the last one. */
    void disconnectSocket(EngineNamespaceClient socket) {
        execute(() -> {
            String name = socket.getNamespace().getName();
            if (closed || sockets.get(name) != socket) return;
            send(disconnectPacket(socket));
            socket.onDisconnect();
            if (sockets.isEmpty()) {
                doClose(CloseReason.SERVER_DISCONNECT);
            }
        });
    }

    private static Packet disconnectPacket(NamespaceClient socket) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.DISCONNECT);
        p.setNsp(socket.getNamespace().getName());
        return p;
    }

    private void doClose(CloseReason reason) {
        doClose(reason, null);
    }

    /**
     * Ends the session, once. Logs one short line, never with the client's data: client mistakes are
     * ordinary and must not be a way to flood the log (DEBUG; INFO for a client dropped for its backlog).
     */
    private void doClose(CloseReason reason, String detail) {
        if (closed) {
            return;
        }
        closed = true;
        releaseAdmission();
        cancel(pingTimer);
        cancel(pongTimer);
        cancel(connectTimer);
        cancel(upgradeTimer);
        cancel(upgradeCheck);
        for (EngineNamespaceClient s : new ArrayList<>(sockets.values())) {
            s.onDisconnect(); // namespace disconnect listeners run here
        }
        sockets.clear();
        getAckManager().onDisconnect(this);
        engine.config.getStoreFactory().onDisconnect(this);
        engine.config.getStoreFactory().pubSubStore().publish(PubSubType.DISCONNECT, new DisconnectMessage(getSessionId()));

        Channel probeChannel = probe;
        if (probeChannel != null) {
            probeChannel.close();
        }
        if (reason == CloseReason.CLIENT_CLOSE) {
            outbox.clear();
            queued.set(0);
        }
        if (transport == Transport.POLLING) {
            // A waiting poll learns of the end: a noop when the client closed (as the reference server),
            // else a close packet after whatever was still queued.
            enqueue(new Packet(reason == CloseReason.CLIENT_CLOSE ? PacketType.NOOP : PacketType.CLOSE,
                    EngineIOVersion.V4));
            Channel poll = pollChannel;
            if (poll != null) {
                poll.writeAndFlush(new OutPacketMessage(this, Transport.POLLING));
            } else if (reason == CloseReason.SERVER_DISCONNECT && queued.get() > 1) {
                // Keep the session for the client's next poll, so that it learns why (as the reference server).
                draining = true;
                drainTimer = loop.schedule(() -> engine.remove(this),
                        engine.settings.pingIntervalMs() + engine.settings.pingTimeoutMs(), TimeUnit.MILLISECONDS);
            } else {
                engine.remove(this);
            }
        } else {
            engine.remove(this);
            Channel w = ws;
            if (w != null && w.isActive()) {
                if (reason.graceful()) {
                    w.writeAndFlush(new OutPacketMessage(this, Transport.WEBSOCKET));
                }
                WebSocketCloseStatus status = reason == CloseReason.SERVER_SHUTDOWN
                        ? WebSocketCloseStatus.ENDPOINT_UNAVAILABLE : WebSocketCloseStatus.NORMAL_CLOSURE;
                w.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
            }
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
        Channel w = ws;
        return !closed && (transport == Transport.POLLING || w != null && w.isActive());
    }

    /** Whether the client keeps up: few packets waiting, and a WebSocket buffer below its high-water mark. */
    @Override
    public boolean isWritable() {
        if (closed || queued.get() >= engine.settings.maxQueuedPackets()) {
            return false;
        }
        Channel w = ws;
        return transport == Transport.POLLING || w != null && w.isWritable();
    }

    @Override
    public Queue<Packet> getPacketsQueue(Transport transport) {
        return outbox;
    }

    @Override
    public NamespaceClient addNamespaceClient(Namespace namespace) {
        throw new UnsupportedOperationException("namespace clients are created by the CONNECT handling");
    }

    @Override
    public NamespaceClient getChildClient(Namespace namespace) {
        return sockets.get(namespace.getName());
    }

    @Override
    public Set<Namespace> getNamespaces() {
        Set<Namespace> out = ConcurrentHashMap.newKeySet();
        sockets.values().forEach(s -> out.add(s.getNamespace()));
        return out;
    }

    @Override
    public void removeNamespaceClient(NamespaceClient client) {
        sockets.remove(client.getNamespace().getName(), client);
    }

    @Override
    public void onChannelDisconnect() {
        close(CloseReason.TRANSPORT_CLOSE);
    }

    // The heartbeat and the transports are this class's own; netty-socketio's versions are not used.
    @Override
    public void schedulePing() { }

    @Override
    public void schedulePingTimeout() { }

    @Override
    public void cancelPing() { }

    @Override
    public void cancelPingTimeout() { }

    @Override
    public void bindChannel(Channel channel, Transport transport) {
        throw new UnsupportedOperationException("transports are bound by the engine handlers");
    }

    @Override
    public void releasePollingChannel(Channel channel) {
        throw new UnsupportedOperationException("transports are bound by the engine handlers");
    }

    @Override
    public void upgradeCurrentTransport(Transport currentTransport) {
        throw new UnsupportedOperationException("upgrades are done by the engine handlers");
    }

    @Override
    public boolean isTransportChannel(Channel channel, Transport transport) {
        return transport == Transport.WEBSOCKET ? channel == ws : channel == pollChannel;
    }

    // ---------------------------------------------------------------- helpers

    private void execute(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the loop is shutting down; closing still has to happen
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
