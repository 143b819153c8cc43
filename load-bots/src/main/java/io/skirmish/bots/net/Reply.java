package io.skirmish.bots.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The answer to a request: its ack payload, a refusal with an error code, or a timeout. */
public sealed interface Reply {
    /** The code of a request that got no ack in time (not a protocol code). */
    String TIMEOUT = "TIMEOUT";

    /**
     * An ack without {@code ok: false}.
     *
     * @param receivedNanos when the ack arrived ({@link System#nanoTime()})
     */
    record Ok(JsonObject body, long receivedNanos) implements Reply {}

    /** An ack with {@code ok: false}, or no ack in time ({@link #TIMEOUT}). */
    record Failed(String code, String message) implements Reply {}

    /**
     * Cluster: {@code ok: false} with {@code error.code} {@code MOVED}: the room is on another node.
     * The request is to be repeated at {@code url} with {@code reservation} (null for a spectator).
     */
    record Moved(String url, String reservation) implements Reply {}

    /** Reads an ack's arguments (the library hands them over as org.json values). */
    static Reply of(Object[] ackArgs, long receivedNanos) {
        if (ackArgs.length == 0 || ackArgs[0] == null) {
            return new Ok(new JsonObject(), receivedNanos);
        }
        JsonElement e = JsonParser.parseString(ackArgs[0].toString());
        if (!e.isJsonObject()) {
            return new Failed("BAD_ACK", "ack is not an object: " + abbreviate(e.toString()));
        }
        JsonObject body = e.getAsJsonObject();
        JsonElement ok = body.get("ok");
        if (ok != null && ok.isJsonPrimitive() && !ok.getAsBoolean()) {
            ErrorInfo error = body.has("error") ? Json.read(body.get("error"), ErrorInfo.class) : null;
            Moved moved = moved(error, body);
            if (moved != null) {
                return moved;
            }
            return error == null || error.code() == null
                    ? new Failed("BAD_ACK", "ok:false without error code")
                    : new Failed(error.code(), error.message());
        }
        return new Ok(body, receivedNanos);
    }

    /** The {@code moveTo} of a {@code MOVED} answer, or null when this is not one (or has no URL). */
    private static Moved moved(ErrorInfo error, JsonObject body) {
        if (error == null || !"MOVED".equals(error.code()) || !body.has("moveTo") || !body.get("moveTo").isJsonObject()) {
            return null;
        }
        JsonObject to = body.getAsJsonObject("moveTo");
        JsonElement url = to.get("url");
        JsonElement reservation = to.get("reservation");
        if (url == null || !url.isJsonPrimitive()) {
            return null;
        }
        return new Moved(url.getAsString(),
                reservation != null && reservation.isJsonPrimitive() ? reservation.getAsString() : null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
