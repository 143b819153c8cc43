package io.skirmish.bots.config;

import java.util.Locale;

/** Which room the bots play in. */
public sealed interface RoomTarget {
    /** The join-code alphabet of {@code docs/protocol.md}: no I, L, O, 0, 1. */
    String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Each bot asks for quick play ({@code room:quickplay}); the server spreads them over public rooms. */
    record Quick() implements RoomTarget {
        @Override
        public String toString() {
            return "quick";
        }
    }

    /** Every bot joins one existing private room by its code ({@code room:join}). */
    record Code(String code) implements RoomTarget {
        public Code {
            if (code.length() != 5 || !code.chars().allMatch(c -> CODE_ALPHABET.indexOf(c) >= 0)) {
                throw new IllegalArgumentException("not a room code: '" + code + "' (5 characters of " + CODE_ALPHABET + ")");
            }
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /**
     * The first bot creates a private room ({@code room:create}) and starts its rounds as host; every
     * other bot and spectator joins it by its code.
     */
    record Create() implements RoomTarget {
        @Override
        public String toString() {
            return "new";
        }
    }

    /**
     * {@code quick}, {@code new}, or a room code (case-insensitive).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    static RoomTarget parse(String text) {
        String s = text.trim();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "quick" -> new Quick();
            case "new" -> new Create();
            default -> new Code(s.toUpperCase(Locale.ROOT));
        };
    }
}
