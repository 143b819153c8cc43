package io.skirmish.bots.config;

import java.time.Duration;
import java.util.Locale;

/** When each bot of a run starts: spread evenly over a duration, or at a fixed rate. */
public sealed interface Ramp {

    /** How long after the run's start the bot at {@code index} (of {@code total}) starts. */
    Duration offsetOf(int index, int total);

    /** Every bot starts over {@code over}: bot {@code i} of {@code n} at {@code over * i / n}. */
    record Over(Duration over) implements Ramp {
        public Over {
            if (over.isNegative()) {
                throw new IllegalArgumentException("ramp must not be negative");
            }
        }

        @Override
        public Duration offsetOf(int index, int total) {
            return total == 0 ? Duration.ZERO : over.multipliedBy(index).dividedBy(total);
        }

        @Override
        public String toString() {
            return Durations.format(over);
        }
    }

    /** {@code perSecond} bots start every second. */
    record Rate(double perSecond) implements Ramp {
        public Rate {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("ramp rate must be a positive number");
            }
        }

        @Override
        public Duration offsetOf(int index, int total) {
            return Duration.ofNanos(Math.round(index / perSecond * 1e9));
        }

        @Override
        public String toString() {
            return perSecond + "/s";
        }
    }

    /**
     * {@code 50/s} or {@code 300/m} is a rate; anything else is a duration ({@code 10s}, {@code 0}).
     *
     * @throws IllegalArgumentException when the text is neither
     */
    static Ramp parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int slash = s.indexOf('/');
        if (slash < 0) {
            return new Over(Durations.parse(s));
        }
        double n;
        try {
            n = Double.parseDouble(s.substring(0, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a ramp rate: '" + text + "' (examples: 50/s, 300/m)");
        }
        return switch (s.substring(slash + 1)) {
            case "s" -> new Rate(n);
            case "m" -> new Rate(n / 60);
            default -> throw new IllegalArgumentException("not a ramp rate: '" + text + "' (examples: 50/s, 300/m)");
        };
    }
}
