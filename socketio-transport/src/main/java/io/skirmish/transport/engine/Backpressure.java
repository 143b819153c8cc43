package io.skirmish.transport.engine;

import java.util.UUID;

/** Sending that gives way when a client cannot keep up. Callable from any thread; never blocks. */
final class Backpressure {
    private Backpressure() {}

    /**
     * Sends an event the client may miss (a snapshot) to the socket of {@code session} on
     * {@code namespace}: skipped while too many packets wait for the client or its WebSocket buffer is
     * full; over polling, up to a bound of the same name wait for the next poll (see {@code Outbox}).
     * Returns whether it was queued (false too when the socket is gone). Found by the session's id, so
     * no {@code SocketIOClient} is ever downcast.
     */
    static boolean sendVolatile(Engine engine, UUID session, String namespace, String event, Object... data) {
        EngineNamespaceClient socket = engine.socket(session, namespace);
        return socket != null && socket.sendVolatile(event, data);
    }
}
