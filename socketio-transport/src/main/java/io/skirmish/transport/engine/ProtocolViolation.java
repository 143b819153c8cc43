package io.skirmish.transport.engine;

/**
 * A client broke the Engine.IO or Socket.IO protocol; the session is closed. The message is a short
 * fixed text and never contains the client's payload, so logging it cannot be used to flood the log.
 */
final class ProtocolViolation extends Exception {
    ProtocolViolation(String reason) {
        super(reason, null, false, false);
    }
}
