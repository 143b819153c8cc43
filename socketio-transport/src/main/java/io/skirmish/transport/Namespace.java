package io.skirmish.transport;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIONamespace;
import io.skirmish.transport.engine.EngineChannelInitializer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Socket.IO namespace: its connect checks, connect and disconnect listeners, event handlers and
 * rooms. Register everything before the server starts. netty-socketio's namespace underneath keeps
 * the members, the rooms and the broadcasts.
 */
public final class Namespace {
    private final SocketIONamespace ns;
    private final EngineChannelInitializer engine;

    Namespace(SocketIONamespace ns, EngineChannelInitializer engine) {
        this.ns = ns;
        this.engine = engine;
    }

    /** {@code ""} for the main namespace, else {@code "/name"}. */
    public String name() {
        return ns.getName();
    }

    /** A check every CONNECT to this namespace must pass (see {@link ConnectCheck}). */
    public void authorize(ConnectCheck check) {
        ns.addAuthTokenListener((auth, client) -> {
            Object refusal = check.check(auth, Socket.handshake(client.getHandshakeData()));
            return refusal == null ? AuthTokenResult.AuthTokenResultSuccess : new AuthTokenResult(false, refusal);
        });
    }

    /** Runs when a client has joined this namespace (its CONNECT was answered). */
    public void onConnect(Consumer<Socket> listener) {
        ns.addConnectListener(client -> listener.accept(new Socket(client, engine)));
    }

    /** Runs once when a socket leaves this namespace, whichever side ended it. */
    public void onDisconnect(Consumer<Socket> listener) {
        ns.addDisconnectListener(client -> listener.accept(new Socket(client, engine)));
    }

    /** Handles an event (see {@link EventHandler}); one handler per event name. */
    public void on(String event, EventHandler handler) {
        ns.addMultiTypeEventListener(event, (client, args, ack) ->
                handler.onEvent(new Socket(client, engine), args.getArgs(), new AckAnswer(ack)), Object.class);
    }

    /** Sends an event to every socket in a room of this namespace. */
    public void emitTo(String room, String event, Object... args) {
        ns.getRoomOperations(room).sendEvent(event, Socket.wire(args));
    }

    /** Sends an event to every socket in this namespace. */
    public void emitToAll(String event, Object... args) {
        ns.getBroadcastOperations().sendEvent(event, Socket.wire(args));
    }

    /** netty-socketio's ack request, behind {@link Ack}. */
    private record AckAnswer(AckRequest request) implements Ack {
        @Override
        public boolean requested() {
            return request.isAckRequested();
        }

        @Override
        public void send(Object... args) {
            request.sendAckData(Arrays.asList(Socket.wire(args)));
        }

        @Override
        public void send(List<?> args) {
            send(args.toArray());
        }
    }
}
