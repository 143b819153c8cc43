package io.skirmish.transport.engine;

/** Why an Engine.IO session ended. */
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
