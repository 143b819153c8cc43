package io.skirmish.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Typed field access: each type and bound exactly at its edges, and messages that name the field. */
class FieldsTest {
    private static Fields of(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Fields.of(m);
    }

    private static String refused(Function<Fields, ?> read, Fields f) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read.apply(f));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        return e.getMessage();
    }

    @Test
    void aPayloadIsAnObjectOrNothing() {
        assertFalse(Fields.of(null).has("x"), "null is an empty object");
        ProtocolException e = assertThrows(ProtocolException.class, () -> Fields.of(List.of()));
        assertEquals("payload must be a JSON object", e.getMessage());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertThrows(ProtocolException.class, () -> Fields.of("text"));
        assertFalse(of("x", null).has("x"), "a null field is absent");
        assertTrue(of("x", false).has("x"));
    }

    @Test
    void stringsAreBoundedAndNamed() {
        assertEquals("abc", of("s", "abc").string("s", 3));
        assertEquals("s is longer than 2 characters", refused(f -> f.string("s", 2), of("s", "abc")));
        assertEquals("s must be a string", refused(f -> f.string("s", 9), of("s", 5)));
        assertNull(of().optString("s", 3));
        assertEquals("ab", of("s", "ab").optString("s", 3));
        refused(f -> f.optString("s", 1), of("s", "ab"));
    }

    @Test
    void numbersAreFiniteAndWithinTheirRange() {
        assertEquals(2.5, of("n", 2.5).number("n"));
        assertEquals(7.0, of("n", 7L).number("n"));
        assertEquals("n must be a number", refused(f -> f.number("n"), of("n", "7")));
        assertEquals("n must be finite", refused(f -> f.number("n"), of("n", Double.NaN)));
        refused(f -> f.number("n"), of("n", Double.NEGATIVE_INFINITY));
        assertEquals(-1.0, of("n", -1).number("n", -1, 1), "the bounds are inclusive");
        assertEquals(1.0, of("n", 1).number("n", -1, 1));
        assertEquals("n must be in [-1.0, 1.0]", refused(f -> f.number("n", -1, 1), of("n", 1.0001)));
        refused(f -> f.number("n", -1, 1), of("n", -1.0001));
    }

    @Test
    void integersAreWholeNumbersOfAnyJsonTypeWithinTheirRange() {
        assertEquals(5, of("i", 5).integer("i", 5, 9), "the bounds are inclusive");
        assertEquals(9, of("i", 9L).integer("i", 5, 9));
        assertEquals(6, of("i", (short) 6).integer("i", 5, 9));
        assertEquals(7, of("i", (byte) 7).integer("i", 5, 9));
        assertEquals(8, of("i", 8.0).integer("i", 5, 9), "a whole double is an integer");
        assertEquals(5, of("i", 5.0f).integer("i", 5, 9));
        assertEquals(9, of("i", 9.0).integer("i", 5, 9));
        assertEquals("i must be in [5, 9]", refused(f -> f.integer("i", 5, 9), of("i", 4)));
        refused(f -> f.integer("i", 5, 9), of("i", 10L));
        assertEquals("i must be an integer in [5, 9]", refused(f -> f.integer("i", 5, 9), of("i", 4.0)));
        refused(f -> f.integer("i", 5, 9), of("i", 10.0));
        refused(f -> f.integer("i", 5, 9), of("i", 6.5));
        refused(f -> f.integer("i", 5, 9), of("i", Double.POSITIVE_INFINITY));
        refused(f -> f.integer("i", 5, 9), of("i", "6"));
        refused(f -> f.integer("i", 5, 9), of());
    }

    @Test
    void booleansAndObjects() {
        assertTrue(of("b", true).bool("b"));
        assertFalse(of("b", false).bool("b"));
        assertEquals("b must be a boolean", refused(f -> f.bool("b"), of("b", "true")));
        Fields inner = of("o", Map.of("k", 3)).object("o");
        assertEquals(3, inner.integer("k", 0, 9));
        assertFalse(of().object("o").has("k"), "an absent object is empty");
        refused(f -> f.object("o"), of("o", 3));
    }

    @Test
    void namesAreOneToSixteenPrintableCharacters() {
        assertEquals("Ada Lovelace", of("n", "  Ada Lovelace\t").name("n"));
        assertEquals("x".repeat(16), of("n", "x".repeat(16)).name("n"));
        assertEquals("\uD83D\uDE80".repeat(16), of("n", "\uD83D\uDE80".repeat(16)).name("n"),
                "counted in code points, not chars");
        assertEquals("n must have 1 to 16 characters", refused(f -> f.name("n"), of("n", "x".repeat(17))));
        refused(f -> f.name("n"), of("n", "   "));
        refused(f -> f.name("n"), of("n", "x".repeat(65)));
        for (String bad : new String[] {"a\u0007b", "a\u200bb", "a\u2028b", "a\u2029b", "a\ue000b", "a\ud800b",
                "a\u0378b", "\u0085x"}) {
            assertEquals("n has a character that is not allowed", refused(f -> f.name("n"), of("n", bad)),
                    "refused: " + bad.codePoints().mapToObj(Integer::toHexString).toList());
        }
        assertEquals("Zoë 😀 ß", of("n", "Zoë 😀 ß").name("n"));
    }

    @Test
    void jsonNumbersAreWrittenCompactlyAtTheirPrecision() throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter out = new JsonWriter(text);
        out.beginArray();
        JsonNumbers.write(out, 12.0, 2);
        JsonNumbers.write(out, 12.346, 2);
        JsonNumbers.write(out, -0.004, 2);
        JsonNumbers.write(out, 1.23456, 3);
        JsonNumbers.write(out, 2.9999, 3);
        JsonNumbers.write(out, 0.05, 1);
        out.endArray();
        out.flush();
        assertEquals("[12,12.35,0,1.235,3,0.1]", text.toString());
    }
}
