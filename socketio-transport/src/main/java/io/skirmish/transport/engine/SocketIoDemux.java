package io.skirmish.transport.engine;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO sockets of one session, one per namespace: decodes the session's messages and hands
 * each to its socket. A socket exists only once its CONNECT passed the namespace's auth listeners;
 * a session with none after the connect timeout ends. Events and acks reach netty-socketio's
 * listeners and ack callbacks with their arguments converted to the types those declare. Home loop
 * only, but for the lookups netty-socketio makes from any thread.
 */
final class SocketIoDemux {
    private static final Logger log = LoggerFactory.getLogger(SocketIoDemux.class);

    private final EngineSession session;
    private final Engine engine;
    private final SocketIoDecoder decoder;
    private final Map<String, EngineNamespaceClient> sockets = new ConcurrentHashMap<>();
    private ScheduledFuture<?> connectTimer;

    SocketIoDemux(EngineSession session, Engine engine) {
        this.session = session;
        this.engine = engine;
        this.decoder = new SocketIoDecoder(engine.json.mapper());
    }

    /** Starts the connect timeout: the session ends unless a namespace is joined in time. */
    void start(HomeLoop loop) {
        connectTimer = loop.schedule(() -> {
            if (sockets.isEmpty()) {
                session.closeNow(CloseReason.CONNECT_TIMEOUT);
            }
        }, engine.settings.connectTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** An Engine.IO message: one Socket.IO packet, or a part of one that waits for its attachments. */
    void onMessage(EioPacket p) {
        SioPacket sp;
        try {
            sp = p.isBinary() ? decoder.binary(p.binary()) : decoder.text(p.text());
        } catch (ProtocolViolation v) {
            session.onViolation(v);
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
            session.onViolation(new ProtocolViolation("invalid state for packet type " + sp.type()));
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
            session.onViolation(new ProtocolViolation("invalid auth payload"));
            return;
        }
        session.getHandshakeData().setAuthToken(auth);
        AuthTokenResult verdict = ns.onAuthData(new PendingClient(session, ns), auth);
        if (!verdict.isSuccess()) {
            sendConnectError(name, connectErrorData(verdict.getErrorData()));
            return;
        }
        EngineNamespaceClient socket = new EngineNamespaceClient(session, ns, engine.newSocketId());
        sockets.put(name, socket);
        HomeLoop.cancel(connectTimer);
        connectTimer = null;
        session.releaseAdmission();
        Packet ok = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        ok.setSubType(PacketType.CONNECT);
        ok.setNsp(name);
        ok.setData(Map.of("sid", socket.socketId()));
        session.send(ok);
        socket.ready();
        ns.onConnect(socket);
    }

    private void sendConnectError(String name, Object data) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.ERROR);
        p.setNsp(name);
        p.setData(data);
        session.send(p);
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
        List<Object> plain = sp.args();
        JsonNode array = sp.data();
        int size = plain != null ? plain.size() : array.size();
        String event = plain != null ? String.valueOf(plain.get(0)) : array.get(0).asText();
        Namespace ns = socket.getNamespace();
        List<Class<?>> classes = engine.json.eventClasses(ns.getName(), event);
        if (classes == null) {
            classes = engine.json.eventClasses(Namespace.DEFAULT_NAME, event);
        }
        List<Object> args = new ArrayList<>(size - 1);
        try {
            for (int i = 1; i < size; i++) {
                Class<?> type = classes != null && i - 1 < classes.size() ? classes.get(i - 1) : Object.class;
                args.add(plain != null ? engine.json.convertPlain(plain.get(i), type)
                        : engine.json.convert(array.get(i), type));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("session {}: event arguments do not fit the listener's types; dropped", session.sid());
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
        AckCallback<?> callback = session.getAckManager().getCallback(session.getSessionId(), sp.id());
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
            log.debug("session {}: ack arguments do not fit the callback's types; dropped", session.sid());
            return;
        }
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.ACK);
        p.setNsp(socket.getNamespace().getName());
        p.setAckId(sp.id());
        p.setData(args);
        session.getAckManager().onAck(socket, p);
    }

    // ---------------------------------------------------------------- server-side disconnects (home loop)

    /** Tells the client that every socket is disconnected (the session closes after). */
    void sendDisconnects() {
        for (EngineNamespaceClient s : sockets.values()) {
            session.send(disconnectPacket(s));
        }
    }

    /** Disconnects one socket, telling the client: whether it was the session's last one. */
    boolean disconnect(EngineNamespaceClient socket) {
        String name = socket.getNamespace().getName();
        if (sockets.get(name) != socket) {
            return false;
        }
        session.send(disconnectPacket(socket));
        socket.onDisconnect();
        return sockets.isEmpty();
    }

    private static Packet disconnectPacket(NamespaceClient socket) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(PacketType.DISCONNECT);
        p.setNsp(socket.getNamespace().getName());
        return p;
    }

    /** The session ended: the connect timeout stops, and every socket leaves its namespace (listeners run here). */
    void end() {
        HomeLoop.cancel(connectTimer);
        for (EngineNamespaceClient s : new ArrayList<>(sockets.values())) {
            s.onDisconnect();
        }
        sockets.clear();
    }

    // ---------------------------------------------------------------- lookups (any thread)

    EngineNamespaceClient socket(String namespace) {
        return sockets.get(namespace);
    }

    Collection<EngineNamespaceClient> sockets() {
        return sockets.values();
    }

    void remove(NamespaceClient socket) {
        sockets.remove(socket.getNamespace().getName(), socket);
    }
}
