package io.skirmish.transport;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Objects;

/**
 * A JSON value given as its text, put on the wire as it is: the transport splices the text into the
 * Socket.IO packet without parsing or re-encoding it. Whatever built the text (a game's document
 * builder, a hand-written template) stays on the caller's side; the transport's one JSON library
 * (Jackson, see {@code EngineJson}) writes the packet around it. The same {@code Json} (or the same
 * text) handed to many sockets in a row is encoded once (see {@link Socket#emitVolatile}).
 */
public final class Json {
    private final String text;
    /** The argument list as the wire encoder takes it, made at the first send (any thread: the same value). */
    private Object[] wireArgs;

    private Json(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** {@code text} must be one valid JSON value; it is not checked. */
    public static Json of(String text) {
        return new Json(text);
    }

    public String text() {
        return text;
    }

    /**
     * This value alone as the encoder's argument list ({@code [RawValue(text)]}), made once: a
     * {@code Json} sent to many sockets costs no array and no wrapper per socket. Nobody writes into it.
     */
    Object[] wireArgs() {
        Object[] w = wireArgs;
        if (w == null) {
            w = new Object[] {new RawValue(text)};
            wireArgs = w;
        }
        return w;
    }

    @Override
    public String toString() {
        return text;
    }
}
