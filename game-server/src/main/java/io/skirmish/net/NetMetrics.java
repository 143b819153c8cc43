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

    /**
     * A new session was refused at the handshake: {@code origin}, {@code connection_limit},
     * {@code pending_handshakes} or {@code pending_handshakes_per_address}.
     */
    default void handshakeRefused(String reason) {}

    /**
     * A limit acted on a connection or request ({@code tcp_per_address}, {@code request_timeout},
     * {@code bad_http}, {@code http_smuggling}, {@code rooms_per_connection}, {@code rooms_per_address},
     * {@code password_rate}, {@code hash_queue}).
     */
    default void limitHit(String limit) {}

    /** Registers a gauge read at scrape time. */
    default void gauge(String name, String help, java.util.function.IntSupplier value) {}

    NetMetrics NONE = new NetMetrics() {};
}
