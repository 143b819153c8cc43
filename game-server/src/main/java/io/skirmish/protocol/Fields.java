package io.skirmish.protocol;

import java.util.Map;

/**
 * Typed, validating access to a decoded JSON object (the {@code Map} a JSON decoder gives). Every
 * failure is a {@link ProtocolException} with {@link ErrorCode#BAD_REQUEST} whose message names the
 * field, never the value, so that messages are safe to log and to send back.
 */
public final class Fields {
    private final Map<?, ?> map;

    private Fields(Map<?, ?> map) {
        this.map = map;
    }

    /** Wraps a payload that must be a JSON object ({@code null} counts as an empty object). */
    public static Fields of(Object payload) {
        if (payload == null) {
            return new Fields(Map.of());
        }
        if (payload instanceof Map<?, ?> m) {
            return new Fields(m);
        }
        throw bad("payload must be a JSON object");
    }

    public static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public String string(String key, int maxLength) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw bad(key + " must be a string");
        }
        if (s.length() > maxLength) {
            throw bad(key + " is longer than " + maxLength + " characters");
        }
        return s;
    }

    public String optString(String key, int maxLength) {
        return has(key) ? string(key, maxLength) : null;
    }

    public double number(String key) {
        Object v = map.get(key);
        if (!(v instanceof Number n)) {
            throw bad(key + " must be a number");
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw bad(key + " must be finite");
        }
        return d;
    }

    public double number(String key, double min, double max) {
        double d = number(key);
        if (d < min || d > max) {
            throw bad(key + " must be in [" + min + ", " + max + "]");
        }
        return d;
    }

    /** An integral number (a JSON number without fraction) within [min, max]. */
    public long integer(String key, long min, long max) {
        Object v = map.get(key);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            if (l < min || l > max) {
                throw bad(key + " must be in [" + min + ", " + max + "]");
            }
            return l;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && d >= min && d <= max) {
                return (long) d;
            }
        }
        throw bad(key + " must be an integer in [" + min + ", " + max + "]");
    }

    public boolean bool(String key) {
        Object v = map.get(key);
        if (!(v instanceof Boolean b)) {
            throw bad(key + " must be a boolean");
        }
        return b;
    }

    public Fields object(String key) {
        return Fields.of(map.get(key));
    }

    /** A display name: 1-16 characters after trimming, no control or format characters. */
    public String name(String key) {
        String raw = string(key, 64).strip();
        if (raw.isEmpty() || raw.codePointCount(0, raw.length()) > 16) {
            throw bad(key + " must have 1 to 16 characters");
        }
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                throw bad(key + " has a character that is not allowed");
            }
            i += Character.charCount(cp);
        }
        return raw;
    }
}
