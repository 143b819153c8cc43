package io.skirmish.snapshot;

import java.util.Arrays;

/**
 * LEB128 varints: unsigned ones 7 bits a byte, low bits first, high bit set on all but the last byte;
 * signed ones zigzag-mapped first ({@code 0, -1, 1, -2 ... -> 0, 1, 2, 3 ...}). Values are longs; the
 * wire never carries more than 2^53 in magnitude (JavaScript's exact integers).
 */
final class Varint {
    private Varint() {}

    /** A growable byte buffer to write varints into. */
    static final class Sink {
        private byte[] buf = new byte[128];
        private int len;

        void u(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("unsigned varint below 0: " + v);
            }
            ensure(10);
            while (v >= 0x80) {
                buf[len++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void s(long v) {
            u((v << 1) ^ (v >> 63));
        }

        void append(Sink other) {
            ensure(other.len);
            System.arraycopy(other.buf, 0, buf, len, other.len);
            len += other.len;
        }

        void append(byte[] bytes, int from) {
            ensure(bytes.length - from);
            System.arraycopy(bytes, from, buf, len, bytes.length - from);
            len += bytes.length - from;
        }

        int length() {
            return len;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, len);
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }
    }

    /** Reads varints from a byte array; throws {@link IllegalArgumentException} on a truncated or overlong one. */
    static final class Source {
        private final byte[] buf;
        private int pos;

        Source(byte[] buf) {
            this.buf = buf;
        }

        long u() {
            long v = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                if (pos >= buf.length) {
                    throw new IllegalArgumentException("truncated snapshot");
                }
                int b = buf[pos++] & 0xff;
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        long s() {
            long z = u();
            return (z >>> 1) ^ -(z & 1);
        }

        int count(int max) {
            long n = u();
            if (n > max) {
                throw new IllegalArgumentException("count " + n + " over " + max);
            }
            return (int) n;
        }

        boolean done() {
            return pos == buf.length;
        }

        /** How many bytes were read so far. */
        int position() {
            return pos;
        }
    }
}
