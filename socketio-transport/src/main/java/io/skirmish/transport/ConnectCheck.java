package io.skirmish.transport;

/**
 * Decides on a client's CONNECT to a namespace before it becomes a member: nothing reaches it, and
 * no connect listener runs, unless every check of the namespace admits it.
 */
@FunctionalInterface
public interface ConnectCheck {
    /**
     * @param auth the CONNECT payload (plain values; an empty map when the client sent none)
     * @return null to admit, or what the client's {@code connect_error} carries (a map with a
     *         {@code message} is sent as it is; a string becomes {@code {message}})
     */
    Object check(Object auth, Handshake handshake);
}
