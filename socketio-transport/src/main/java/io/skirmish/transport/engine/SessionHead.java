package io.skirmish.transport.engine;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * netty-socketio's {@link ClientHead}, as this package uses it: what namespaces, rooms, broadcasts,
 * acks and the store see of a session. The parts of it that this package does itself (the heartbeat,
 * binding transports, the upgrade, creating namespace clients) are switched off here, so that none of
 * netty-socketio's own versions ever runs.
 */
abstract class SessionHead extends ClientHead {

    SessionHead(Engine engine, UUID id, HandshakeData data, Transport transport, Map<String, List<String>> params) {
        super(id, engine.acks, client -> { }, engine.config.getStoreFactory(), data, engine.box, transport, null,
                engine.config, params);
    }

    @Override
    public final NamespaceClient addNamespaceClient(Namespace namespace) {
        throw new UnsupportedOperationException("namespace clients are created by the CONNECT handling");
    }

    @Override
    public final void schedulePing() { }

    @Override
    public final void schedulePingTimeout() { }

    @Override
    public final void cancelPing() { }

    @Override
    public final void cancelPingTimeout() { }

    @Override
    public final void bindChannel(Channel channel, Transport transport) {
        throw new UnsupportedOperationException("transports are bound by the engine handlers");
    }

    @Override
    public final void releasePollingChannel(Channel channel) {
        throw new UnsupportedOperationException("transports are bound by the engine handlers");
    }

    @Override
    public final void upgradeCurrentTransport(Transport currentTransport) {
        throw new UnsupportedOperationException("upgrades are done by the engine handlers");
    }
}
