package io.skirmish.snapshot;

import java.util.Base64;

/**
 * The carrier of a compact snapshot on the wire: its bytes as base64 text (standard alphabet, no
 * padding) in a JSON string, the one argument of the {@code s} event. Measured against a Socket.IO
 * binary attachment and against a JSON array of the same numbers (see {@code /work/notes/issue-11.md}
 * and {@code docs/protocol.md}): at the sizes a room sends (9 to ~150 bytes) the text costs fewer bytes
 * on the wire than an attachment's placeholder packet and second frame, and far fewer than decimals.
 */
public final class SnapshotText {
    /** The protocol version a client states at connect to get compact snapshots. */
    public static final int PROTOCOL_VERSION = 2;
    /** The event that carries a compact snapshot. */
    public static final String EVENT = "s";

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private SnapshotText() {}

    public static String text(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64 */
    public static byte[] bytes(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** The JSON text of the event's argument: a string literal (base64 needs no escaping). */
    public static String json(byte[] bytes) {
        return '"' + text(bytes) + '"';
    }
}
