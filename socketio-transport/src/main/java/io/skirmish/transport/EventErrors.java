package io.skirmish.transport;

import java.util.UUID;

/** Told when a listener threw (the transport logs one line, without the payload, and goes on). */
@FunctionalInterface
public interface EventErrors {
    EventErrors NONE = (session, e) -> { };

    void eventFailed(UUID session, Exception e);
}
