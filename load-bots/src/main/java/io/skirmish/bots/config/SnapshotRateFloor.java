package io.skirmish.bots.config;

import java.util.Locale;

/**
 * The lowest snapshot rate a bot may see: either a fraction of the rate the server advertises in
 * {@code game.snapshotRate} (which is the tick rate unless the server is configured otherwise), or
 * an absolute rate in Hz.
 *
 * @param value a fraction in (0, 1] when {@code hz} is false, else snapshots per second
 */
public record SnapshotRateFloor(double value, boolean hz) {
    public SnapshotRateFloor {
        if (!(value > 0) || Double.isInfinite(value) || (!hz && value > 1)) {
            throw new IllegalArgumentException("a snapshot rate floor is a fraction in (0, 1], a percentage or a rate in Hz");
        }
    }

    /** The floor in snapshots per second for a server that advertises {@code advertisedHz}. */
    public double floorHz(double advertisedHz) {
        return hz ? value : value * advertisedHz;
    }

    /**
     * {@code 0.9} or {@code 90%}: a fraction of the advertised rate; {@code 27Hz}: absolute. A bare
     * number above 1 is refused rather than guessed at.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static SnapshotRateFloor parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("hz")) {
                return new SnapshotRateFloor(Double.parseDouble(s.substring(0, s.length() - 2).trim()), true);
            }
            if (s.endsWith("%")) {
                return new SnapshotRateFloor(Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100, false);
            }
            double v = Double.parseDouble(s);
            if (v > 1) {
                throw new IllegalArgumentException(
                        "ambiguous snapshot rate floor '" + text + "': write " + s + "Hz or a fraction like 0.9");
            }
            return new SnapshotRateFloor(v, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a snapshot rate floor: '" + text + "' (examples: 0.9, 90%, 27Hz)");
        }
    }

    @Override
    public String toString() {
        return hz ? value + "Hz" : Math.round(value * 1000) / 10.0 + "%";
    }
}
