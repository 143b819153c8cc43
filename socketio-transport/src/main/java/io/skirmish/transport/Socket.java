package io.skirmish.transport;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import io.skirmish.transport.engine.EngineChannelInitializer;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * One client connected to one namespace. Thread-safe: emits may come from any thread (a room's game
 * thread); they are queued for the client's connection and written in order.
 *
 * <p>Arguments of {@code emit}s are {@link Json} (spliced as they are), {@code byte[]} (sent as
 * binary attachments) and plain values (maps, lists, strings, numbers, booleans, null), serialised by
 * the transport's one JSON library.
 */
public final class Socket {
    private final SocketIOClient client;
    private final EngineChannelInitializer engine;
    private final String namespace;
    /** Sends this socket's volatile events, resolved at the first one. */
    private volatile BiPredicate<String, Object[]> volatileSender;

    Socket(SocketIOClient client, EngineChannelInitializer engine) {
        this.client = client;
        this.engine = engine;
        this.namespace = client.getNamespace().getName();
    }

    /** The Engine.IO session's id (not the id the client sees as {@code socket.id}). */
    public UUID sessionId() {
        return client.getSessionId();
    }

    /** The namespace's name ({@code ""} for the main one). */
    public String namespace() {
        return namespace;
    }

    /** The client's IP address as text. */
    public String address() {
        return client.getRemoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(client.getRemoteAddress());
    }

    public Handshake handshake() {
        return handshake(client.getHandshakeData());
    }

    static Handshake handshake(HandshakeData data) {
        return new Handshake(data.getUrlParams(), data.getAuthToken());
    }

    /** Sends an event; it waits in the client's bounded queue however slow the client is. */
    public void emit(String event, Object... args) {
        client.sendEvent(event, wire(args));
    }

    /**
     * Sends an event the client may miss, such as a snapshot: skipped while the client cannot keep up
     * (too many packets waiting, or its WebSocket buffer full); over polling, up to a bound wait for
     * its next poll. Returns whether it was queued. A {@link Json} whose text is the very same string
     * as the one just sent to another socket, from the same thread, is encoded once for all of them.
     */
    public boolean emitVolatile(String event, Object... args) {
        BiPredicate<String, Object[]> sender = volatileSender();
        return sender != null && sender.test(event, wire(args));
    }

    /**
     * {@link #emitVolatile(String, Object...)} with one JSON argument, the snapshot's case: the same
     * {@code Json} handed to every member of a room is wrapped for the encoder once, not per socket.
     */
    public boolean emitVolatile(String event, Json payload) {
        BiPredicate<String, Object[]> sender = volatileSender();
        return sender != null && sender.test(event, payload.wireArgs());
    }

    private BiPredicate<String, Object[]> volatileSender() {
        BiPredicate<String, Object[]> sender = volatileSender;
        if (sender == null) {
            sender = engine.volatileSender(client.getSessionId(), namespace);
            volatileSender = sender;
        }
        return sender;
    }

    /** Puts this socket in a room of its namespace (see {@link Namespace#emitTo}). */
    public void join(String room) {
        client.joinRoom(room);
    }

    public void leave(String room) {
        client.leaveRoom(room);
    }

    /** Disconnects this socket, telling the client; the session ends with its last socket. */
    public void disconnect() {
        client.disconnect();
    }

    /** The last heartbeat round trip of the session in milliseconds, or -1 before the first pong. */
    public double roundTripMillis() {
        return engine.roundTripMillis(client.getSessionId(), namespace);
    }

    /** The arguments as the wire encoder takes them: {@link Json} becomes Jackson's raw value. */
    static Object[] wire(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Json j) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = j.wireArgs()[0]; // the Json's own wrapper, made once
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Socket s && s.client.equals(client);
    }

    @Override
    public int hashCode() {
        return client.hashCode();
    }

    @Override
    public String toString() {
        return "Socket[" + client.getSessionId() + " " + (namespace.isEmpty() ? "/" : namespace) + "]";
    }
}
