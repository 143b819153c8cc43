package io.skirmish.net;

import io.skirmish.snapshot.SnapshotText;
import io.skirmish.transport.Handshake;
import io.skirmish.transport.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol version a client states at connect: {@code protocol} in the Socket.IO auth payload
 * ({@code io(url, {auth: {protocol: 2}})}), or the handshake query ({@code ?protocol=2}). Version 2
 * gets compact snapshots; a client stating none (or 1) keeps the full JSON snapshots; any other
 * version is refused at connect with a {@code connect_error} naming both versions.
 */
final class ProtocolVersion {
    static final String FIELD = "protocol";
    /** The version of the full JSON snapshots; stating none means this. */
    static final int JSON = 1;
    static final int CURRENT = SnapshotText.PROTOCOL_VERSION;
    static final String ERROR_CODE = "PROTOCOL_VERSION";

    private ProtocolVersion() {}

    /** The version stated, {@link #JSON} when none, or -1 when it is not a whole number. */
    static int stated(Object auth, Handshake handshake) {
        Object v = auth instanceof Map<?, ?> m ? m.get(FIELD) : null;
        if (v == null && handshake != null) {
            v = handshake.query(FIELD);
        }
        if (v == null) {
            return JSON;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("[0-9]{1,6}")) {
            return Integer.parseInt(s);
        }
        return -1;
    }

    static boolean supported(int version) {
        return version == JSON || version == CURRENT;
    }

    /**
     * The check on CONNECT: null when admitted; a refused client gets
     * {@code {message, data:{code, server, client}}}.
     */
    static Map<String, Object> check(Object auth, Handshake handshake, NetMetrics metrics) {
        int v = stated(auth, handshake);
        if (supported(v)) {
            return null;
        }
        metrics.rejected("connect", ERROR_CODE);
        Object given = auth instanceof Map<?, ?> m && m.get(FIELD) != null ? m.get(FIELD) : handshake.query(FIELD);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", ERROR_CODE);
        data.put("server", CURRENT);
        data.put("client", v >= 0 ? v : String.valueOf(given));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", ERROR_CODE + ": this server speaks protocol " + CURRENT + " (or 1, full JSON snapshots, "
                + "when none is stated); the client stated " + (v >= 0 ? v : "'" + given + "'"));
        error.put("data", data);
        return error;
    }

    /** Whether a connected client asked for compact snapshots. */
    static boolean compact(Socket client) {
        Handshake h = client.handshake();
        return stated(h.auth(), h) == CURRENT;
    }
}
