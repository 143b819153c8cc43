package io.skirmish.transport.engine;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.transport.NamespaceClient;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client connected to one namespace: what listeners receive as {@code SocketIOClient}. Created only
 * once the client's CONNECT to that namespace passed every auth listener (netty-socketio created it
 * before the check and never removed it on refusal).
 */
final class EngineNamespaceClient extends NamespaceClient {
    private final EngineSession session;
    private final String socketId;
    /** False until the CONNECT answer is queued: nothing may reach the client before it. */
    private volatile boolean ready;
    private final AtomicBoolean gone = new AtomicBoolean();

    EngineNamespaceClient(EngineSession session, Namespace namespace, String socketId) {
        super(session, namespace);
        this.session = session;
        this.socketId = socketId;
    }

    void ready() {
        ready = true;
    }

    /** The session's heartbeat round trip. */
    RoundTrip roundTrip() {
        return session.roundTrip();
    }

    /** The id the client knows this socket by; deliberately not the Engine.IO session id. */
    String socketId() {
        return socketId;
    }

    boolean isGone() {
        return gone.get();
    }

    @Override
    public void send(Packet packet) {
        if (ready && !gone.get()) {
            super.send(packet);
        }
    }

    @Override
    public void send(Packet packet, AckCallback<?> ackCallback) {
        if (!ready || gone.get()) {
            ackCallback.onTimeout();
            return;
        }
        super.send(packet, ackCallback);
    }

    /**
     * Sends an event that may be skipped or replaced by a newer one of the same name while the
     * client has not received it yet. Returns false when it was not queued.
     */
    boolean sendVolatile(String name, Object... data) {
        if (!ready || gone.get()) {
            return false;
        }
        String nsp = getNamespace().getName();
        return session.sendVolatile(SharedPacket.event(session.engine().recent(), nsp, name, data), nsp, name);
    }

    /** Server-side disconnect: tells the client, leaves the namespace, and ends the session if it was the last. */
    @Override
    public void disconnect() {
        session.disconnectSocket(this);
    }

    /** Leaves the namespace and runs its disconnect listeners, once. */
    @Override
    public void onDisconnect() {
        if (gone.compareAndSet(false, true)) {
            super.onDisconnect();
        }
    }
}
