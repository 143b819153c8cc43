package io.skirmish.transport.engine;

/**
 * One Engine.IO v4 packet as received from a client: a type and either text data (what follows the
 * type character) or, for a binary message, the raw bytes.
 */
record EioPacket(Type type, String text, byte[] binary) {

    /** Engine.IO v4 packet types, with their wire character. */
    enum Type {
        OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

        char wire() {
            return (char) ('0' + ordinal());
        }
    }

    static EioPacket binary(byte[] data) {
        return new EioPacket(Type.MESSAGE, null, data);
    }

    boolean isBinary() {
        return binary != null;
    }
}
