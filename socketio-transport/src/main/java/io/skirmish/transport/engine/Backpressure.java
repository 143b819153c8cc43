package io.skirmish.transport.engine;

import com.corundumstudio.socketio.SocketIOClient;

/** Sending that gives way when a client cannot keep up. Callable from any thread; never blocks. */
public final class Backpressure {
    private Backpressure() {}

    /**
     * Sends an event the client may miss (a snapshot): skipped while too many packets wait for the
     * client or its WebSocket buffer is full; over polling, it replaces the previous one of the same
     * name that the client has not fetched yet (latest state wins). Returns whether it was queued.
     */
    public static boolean sendVolatile(SocketIOClient client, String event, Object... data) {
        if (client instanceof EngineNamespaceClient c) {
            return c.sendVolatile(event, data);
        }
        if (!client.isWritable()) {
            return false;
        }
        client.sendEvent(event, data);
        return true;
    }
}
