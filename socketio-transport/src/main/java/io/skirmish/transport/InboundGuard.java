package io.skirmish.transport;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * Sees every inbound Engine.IO payload of a session (a WebSocket text frame or a polling POST body,
 * not yet decoded) and decides whether it goes on: for rate limits that must count junk and unknown
 * events too. Called on the session's I/O thread.
 */
@FunctionalInterface
public interface InboundGuard {
    /** One inbound payload; {@link #content()} is only valid during the call. */
    interface Inbound {
        UUID session();

        ByteBuf content();

        /** Disconnects the session (telling the client) and closes its connection at once. */
        void cut();
    }

    /** Whether the payload goes on to the decoder (false: it is dropped). */
    boolean admit(Inbound inbound);
}
