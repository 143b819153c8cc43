package io.skirmish.room;

/**
 * A JSON text serialised once and sent as is to many connections (the transport splices it into
 * the Socket.IO packet without re-encoding).
 */
public record RawJson(String json) {
    public int bytes() {
        return json.length();
    }
}
