package io.skirmish.transport.engine;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import java.net.SocketAddress;
import java.util.Set;
import java.util.UUID;

/**
 * What an {@code AuthTokenListener} sees while it decides on a CONNECT: the client's identity and
 * handshake, but no membership. It is not in the namespace, so broadcasts cannot reach it, and it
 * cannot join rooms or send; only a client that passed every listener becomes a namespace member.
 */
final class PendingClient implements SocketIOClient {
    private final EngineSession session;
    private final Namespace namespace;

    PendingClient(EngineSession session, Namespace namespace) {
        this.session = session;
        this.namespace = namespace;
    }

    @Override
    public HandshakeData getHandshakeData() {
        return session.getHandshakeData();
    }

    @Override
    public Transport getTransport() {
        return session.getCurrentTransport();
    }

    @Override
    public EngineIOVersion getEngineIOVersion() {
        return session.getEngineIOVersion();
    }

    @Override
    public boolean isWritable() {
        return false;
    }

    @Override
    public void sendEvent(String name, AckCallback<?> ackCallback, Object... data) {
        ackCallback.onTimeout();
    }

    @Override
    public void send(Packet packet, AckCallback<?> ackCallback) {
        ackCallback.onTimeout();
    }

    @Override
    public void send(Packet packet) {
        // Not connected yet: nothing may reach the client before its CONNECT is answered.
    }

    @Override
    public void sendEvent(String name, Object... data) {
        // as send(Packet)
    }

    @Override
    public void disconnect() {
        session.close(CloseReason.SERVER_DISCONNECT);
    }

    @Override
    public SocketIONamespace getNamespace() {
        return namespace;
    }

    @Override
    public UUID getSessionId() {
        return session.getSessionId();
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return session.getRemoteAddress();
    }

    @Override
    public boolean isChannelOpen() {
        return session.isChannelOpen();
    }

    @Override
    public void joinRoom(String room) {
        throw new IllegalStateException("not connected to the namespace yet");
    }

    @Override
    public void joinRooms(Set<String> rooms) {
        throw new IllegalStateException("not connected to the namespace yet");
    }

    @Override
    public void leaveRoom(String room) {
        // not in any room
    }

    @Override
    public void leaveRooms(Set<String> rooms) {
        // not in any room
    }

    @Override
    public Set<String> getAllRooms() {
        return Set.of();
    }

    @Override
    public int getCurrentRoomSize(String room) {
        return namespace.getRoomClientsInCluster(room);
    }

    @Override
    public void set(String key, Object val) {
        session.getStore().set(key, val);
    }

    @Override
    public <T> T get(String key) {
        return session.getStore().get(key);
    }

    @Override
    public boolean has(String key) {
        return session.getStore().has(key);
    }

    @Override
    public void del(String key) {
        session.getStore().del(key);
    }
}
