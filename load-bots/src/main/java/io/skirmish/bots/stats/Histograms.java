package io.skirmish.bots.stats;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * HdrHistograms as text in the JSON report: HdrHistogram's own compressed encoding, in base64. A
 * report's histograms can be decoded and added to another's, so shards merge exactly.
 */
public final class Histograms {
    private Histograms() {}

    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    /**
     * @throws IllegalArgumentException when {@code text} is no encoded histogram
     */
    public static Histogram decode(String text) {
        if (text == null || text.isEmpty()) {
            return new Histogram(Metric.DIGITS);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }

    /** A new histogram holding everything in {@code parts}. */
    public static Histogram sum(Iterable<Histogram> parts) {
        Histogram out = new Histogram(Metric.DIGITS);
        for (Histogram h : parts) {
            out.add(h);
        }
        return out;
    }
}
