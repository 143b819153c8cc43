package io.skirmish.bots.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations of the command line: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1m30s}, {@code 1h}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    /**
     * A sequence of number-unit parts; a bare number means seconds.
     *
     * @throws IllegalArgumentException when the text is not such a duration
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d+(\\.\\d+)?")) {
            return ofSeconds(Double.parseDouble(s));
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofNanos(Math.round(n * 1e6));
                case "s" -> ofSeconds(n);
                case "m" -> ofSeconds(n * 60);
                default -> ofSeconds(n * 3600);
            });
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 500ms, 10s, 2m, 1m30s)");
        }
        return total;
    }

    /** The way this tool prints durations: {@code 1m30s}, {@code 10s}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        return s >= 60 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s") : s + "s";
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
