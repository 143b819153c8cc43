package io.skirmish.transport;

import java.util.List;

/** The answer to an event the client sent with an acknowledgement callback. */
public interface Ack {
    /** Whether the client asked for an answer; {@link #send} does nothing when it did not. */
    boolean requested();

    /** Answers once with these arguments ({@link Json}, {@code byte[]} and plain values). */
    void send(Object... args);

    /** As {@link #send(Object...)} with the arguments in a list. */
    void send(List<?> args);
}
