package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.fasterxml.jackson.databind.node.BinaryNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of Socket.IO: nulls kept, binary as placeholders both ways, strict reading, event mappings. */
class EngineJsonTest {
    private final EngineJson json = new EngineJson();

    private static ByteBufInputStream in(String s) {
        return new ByteBufInputStream(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8), true);
    }

    /**
     * A listener taking {@code Object} gets the tree walked directly ({@link EngineJson#plain}); the
     * values must be what the library's own conversion gives, type for type.
     */
    @Test
    void plainConversionIsTheLibrarysUntypedConversion() throws Exception {
        String[] texts = {"{\"seq\":12,\"moveX\":-1,\"moveY\":0.5,\"aim\":1.5707963267948966,\"fire\":true}",
            "[1,2147483647,2147483648,-9223372036854775808,9223372036854775808,123456789012345678901234567890]",
            "[0.1,-0.0,1e300,1E-320,5e-324,12.0,-3]", "{}", "[]", "[[],{},[{}]]", "null", "\"text\"", "\"é\\u0000😀\"",
            "{\"a\":{\"b\":{\"c\":[null,false,\"x\"]}},\"a2\":1}", "{\"dup\":1,\"dup\":2}", "true", "-17",
            "{\"k\":[1.5,{\"n\":null}]}"};
        for (String t : texts) {
            var node = json.mapper().readTree(t);
            Object expected = json.mapper().treeToValue(node, Object.class);
            Object actual = EngineJson.plain(node);
            assertEquals(expected, actual, t);
            assertSameTypes(expected, actual, t);
            assertEquals(expected, json.convert(node, Object.class), t);
        }
        var pojo = json.mapper().getNodeFactory().pojoNode("held");
        assertEquals(json.mapper().treeToValue(pojo, Object.class), EngineJson.plain(pojo));
        assertNull(EngineJson.plain(com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        BinaryNode bin = BinaryNode.valueOf(new byte[] {1, 2});
        assertArrayEquals((byte[]) json.mapper().treeToValue(bin, Object.class), (byte[]) EngineJson.plain(bin));
    }

    private static void assertSameTypes(Object expected, Object actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where);
        if (expected instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertSameTypes(e.getValue(), ((Map<?, ?>) actual).get(e.getKey()), where);
            }
            assertEquals(List.copyOf(m.keySet()), List.copyOf(((Map<?, ?>) actual).keySet()), "key order: " + where);
        } else if (expected instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                assertSameTypes(l.get(i), ((List<?>) actual).get(i), where);
            }
        }
    }

    @Test
    void writeReplacesEachByteArrayByAPlaceholderInOrderAndKeepsNulls() throws Exception {
        List<byte[]> attachments = new ArrayList<>();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", new byte[] {1});
        value.put("n", null);
        value.put("b", List.of(new byte[] {2, 3}));
        assertEquals("{\"a\":{\"_placeholder\":true,\"num\":0},\"n\":null,\"b\":[{\"_placeholder\":true,\"num\":1}]}",
                json.write(value, attachments));
        assertEquals(2, attachments.size());
        assertArrayEquals(new byte[] {2, 3}, attachments.get(1));
        List<byte[]> again = new ArrayList<>();
        assertEquals("{\"_placeholder\":true,\"num\":0}", json.write(new byte[] {4}, again), "numbering starts again");
        assertEquals(1, again.size());
        assertEquals("[]", json.write(List.of(), again));
        assertEquals(1, again.size(), "nothing added without binary");
    }

    @Test
    void writeValueLeavesItsAttachmentsForGetArrays() throws Exception {
        ByteBuf buf = Unpooled.buffer();
        try {
            json.writeValue(new ByteBufOutputStream(buf), List.of("x", new byte[] {7}));
            assertEquals("[\"x\",{\"_placeholder\":true,\"num\":0}]", buf.toString(StandardCharsets.UTF_8));
            assertEquals(1, json.getArrays().size());
            assertArrayEquals(new byte[] {7}, json.getArrays().get(0));
            buf.clear();
            json.writeValue(new ByteBufOutputStream(buf), List.of(1));
            assertTrue(json.getArrays().isEmpty(), "each write starts empty");
        } finally {
            buf.release();
        }
    }

    @Test
    void readingIsStrictAndTyped() throws Exception {
        assertEquals(Map.of("x", 3), json.readValue("/", in("{\"x\":3}"), Map.class));
        assertThrows(Exception.class, () -> json.readValue("/", in("{\"x\":3} junk"), Map.class), "trailing tokens");
        assertArrayEquals(new byte[] {5}, (byte[]) json.convert(BinaryNode.valueOf(new byte[] {5}), byte[].class));
        assertEquals(2, json.convert(json.mapper().readTree("2"), Integer.class));
        Probe p = (Probe) json.convert(json.mapper().readTree("{\"x\":1,\"unknown\":2}"), Probe.class);
        assertEquals(1, p.x, "unknown properties are ignored");
    }

    /** A listener's argument type. */
    public static final class Probe {
        public int x;
    }

    @Test
    void ackArgumentsTakeTheCallbacksTypes() throws Exception {
        AckCallback<Integer> single = new AckCallback<>(Integer.class) {
            @Override
            public void onSuccess(Integer result) { }
        };
        AckArgs one = json.readAckArgs(in("[1,2]"), single);
        assertEquals(List.of(1, 2), one.getArgs(), "every argument as the result class");
        MultiTypeAckCallback multi = new MultiTypeAckCallback(String.class, Integer.class) {
            @Override
            public void onSuccess(MultiTypeArgs result) { }
        };
        AckArgs args = json.readAckArgs(in("[\"7\",7]"), multi);
        assertEquals(List.of("7", 7), args.getArgs(), "each argument as its own declared class");
        assertTrue(json.readAckArgs(in("[]"), single).getArgs().isEmpty());
    }

    /** A field-by-field type a listener may declare. */
    public static final class Point {
        public int x;
        public double y;
    }

    @Test
    void aPlainArgumentIsHandedOverAsItIsOrConvertedToTheDeclaredType() {
        Map<String, Object> value = new java.util.LinkedHashMap<>(Map.of("x", 3));
        value.put("y", 0.5);
        assertSame(value, json.convertPlain(value, Object.class));
        Point p = (Point) json.convertPlain(value, Point.class);
        assertEquals(3, p.x);
        assertEquals(0.5, p.y);
        assertEquals("12", json.convertPlain(12, String.class));
        assertThrows(IllegalArgumentException.class, () -> json.convertPlain("not a number", Integer.class));
    }

    @Test
    void eventMappingsArePerNamespaceAndEvent() {
        assertNull(json.eventClasses("/", "move"));
        json.addEventMapping("/", "move", Integer.class, String.class);
        assertEquals(List.of(Integer.class, String.class), json.eventClasses("/", "move"));
        assertNull(json.eventClasses("/admin", "move"));
        assertNull(json.eventClasses("/", "other"));
        json.removeEventMapping("/", "move");
        assertNull(json.eventClasses("/", "move"));
    }
}
