package io.skirmish.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An input written into a recording reads back equal, whatever its components' types. */
class InputCodecTest {
    record Every(int i, long l, double d, float f, boolean b, short s, byte y, char c, String text) {}

    record Nested(int seq, List<Integer> keys) {}

    private static Object roundTrip(Object input) throws IOException {
        InputCodec codec = InputCodec.of(input.getClass());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, input);
            codec.write(out, input);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        Object first = codec.read(in);
        assertEquals(first, codec.read(in), "the second copy reads back the same");
        assertEquals(0, in.available(), "nothing left over");
        return first;
    }

    @Test
    void aRecordOfEveryPrimitiveAndAStringReadsBackEqual() throws IOException {
        Every e = new Every(-123_456_789, Long.MIN_VALUE + 7, -0.1 / 3, 1.5e-7f, true, (short) -12_345,
                (byte) -128, '\u00e9', "ship \u2603");
        Object back = roundTrip(e);
        assertNotSame(e, back);
        assertEquals(e, back);
    }

    @Test
    void doublesKeepEveryBitAndANullStringStaysNull() throws IOException {
        Every e = new Every(Integer.MAX_VALUE, 0, Double.NaN, Float.NEGATIVE_INFINITY, false, Short.MIN_VALUE,
                Byte.MAX_VALUE, Character.MAX_VALUE, null);
        Every back = (Every) roundTrip(e);
        assertEquals(Double.doubleToRawLongBits(e.d()), Double.doubleToRawLongBits(back.d()));
        assertEquals(e, back);
        assertEquals(-0.0, ((Every) roundTrip(new Every(0, 0, -0.0, 0, false, (short) 0, (byte) 0, 'a', ""))).d());
    }

    @Test
    void aRecordWithAComponentTheBinaryFormCannotWriteGoesAsJson() throws IOException {
        Nested n = new Nested(7, List.of(1, 2, 3));
        assertEquals(n.seq(), ((Nested) roundTrip(n)).seq());
        assertEquals(n.keys(), ((Nested) roundTrip(n)).keys());
    }
}
