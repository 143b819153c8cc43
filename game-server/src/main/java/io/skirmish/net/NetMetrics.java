package io.skirmish.net;

/** What the network layer reports. Called on Netty I/O and game threads; thread-safe, cheap. */
public interface NetMetrics {
    default void connectionOpened() {}

    default void connectionClosed() {}

    default void eventIn(String event) {}

    default void eventOut(String event, int bytes) {}

    /** A request or input was refused: {@code reason} is an error code or a short fixed word. */
    default void rejected(String event, String reason) {}

    /** The per-connection budget acted: {@code drop}, {@code throttle} or {@code disconnect}. */
    default void rateLimited(String action) {}

    /** An event no listener handles arrived (ignored). */
    default void unknownEvent() {}

    /** A new session was refused at the handshake: {@code origin} or {@code connection_limit}. */
    default void handshakeRefused(String reason) {}

    NetMetrics NONE = new NetMetrics() {};
}
