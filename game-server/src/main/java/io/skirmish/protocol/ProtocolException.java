package io.skirmish.protocol;

/**
 * A request that cannot be served, with the code the client gets back. Thrown by validation and by
 * room operations; never carries the client's payload in its message (it may be logged).
 */
public final class ProtocolException extends RuntimeException {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
