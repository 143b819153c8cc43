package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Socket.IO v5 decoder against the spec's examples and what the reference parser refuses. */
class SocketIoDecoderTest {
    private final SocketIoDecoder decoder = new SocketIoDecoder(new EngineJson().mapper());

    @Test
    void decodesEveryPartOfThePacketFormat() throws Exception {
        SioPacket p = decoder.text("2/admin,13[\"project:delete\",123]");
        assertEquals(SioPacket.Type.EVENT, p.type());
        assertEquals("/admin", p.nsp());
        assertEquals(13L, p.id());
        assertEquals(List.of("project:delete", 123), p.args());
        assertNull(p.data(), "an event's payload is read as plain values, not as a tree");

        SioPacket connect = decoder.text("0");
        assertEquals(SioPacket.Type.CONNECT, connect.type());
        assertEquals("/", connect.nsp());
        assertNull(connect.id());
        assertNull(connect.data());

        assertEquals("{\"token\":\"123\"}", decoder.text("0{\"token\":\"123\"}").data().toString());
        assertEquals("/custom", decoder.text("0/custom,").nsp());
        assertEquals("/custom", decoder.text("0/custom").nsp());
        assertEquals("/custom", decoder.text("1/custom,").nsp());
        assertEquals(456L, decoder.text("3/admin,456[]").id());
        assertEquals(Arrays.asList("x", null, nullValued("a")), decoder.text("2[\"x\",null,{\"a\":null}]").args());
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, null);
        return m;
    }

    /**
     * An event's arguments are read straight from the text; they must be what the tree path gave
     * listeners ({@link EngineJson#plain} of the parsed tree), value for value and type for type.
     */
    @Test
    void anEventsPlainArgumentsAreWhatTheTreePathGave() throws Exception {
        EngineJson json = new EngineJson();
        String[] payloads = {"[\"input\",{\"seq\":12,\"moveX\":-1,\"moveY\":0.5,\"aim\":1.5707963267948966,\"fire\":true}]",
            "[\"n\",1,2147483647,2147483648,-9223372036854775808,9223372036854775808,123456789012345678901234567890]",
            "[\"f\",0.1,-0.0,1e300,1E-320,5e-324,12.0,-3]", "[\"e\",{},[],[[],{},[{}]],null,\"\u00e9\\u0000\ud83d\ude00\"]",
            "[\"d\",{\"a\":{\"b\":{\"c\":[null,false,\"x\"]}},\"a2\":1},{\"dup\":1,\"dup\":2}]", "[7,true]",
            "[1.5]", "[\"only\"]"};
        for (String payload : payloads) {
            SioPacket p = decoder.text("2" + payload);
            Object tree = EngineJson.plain(json.mapper().readTree(payload));
            assertEquals(tree, p.args(), payload);
            assertEquals(types(tree), types(p.args()), payload);
        }
    }

    /** The classes of a plain value, nested the same way (Integer and Long differ, for example). */
    private static Object types(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, types(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(types(x)));
            return out;
        }
        return v == null ? "null" : v.getClass().getName();
    }

    @Test
    void putsBinaryAttachmentsInPlaceOfTheirPlaceholders() throws Exception {
        assertNull(decoder.text("52-[\"hello\",{\"_placeholder\":true,\"num\":1},{\"k\":{\"_placeholder\":true,\"num\":0}}]"));
        assertTrue(decoder.reconstructing());
        assertNull(decoder.binary(new byte[] {1}));
        SioPacket p = decoder.binary(new byte[] {2, 3});
        assertEquals(SioPacket.Type.BINARY_EVENT, p.type());
        assertArrayEquals(new byte[] {2, 3}, p.data().get(1).binaryValue());
        assertArrayEquals(new byte[] {1}, p.data().get(2).get("k").binaryValue());
        SioPacket ack = decoder.text("60-7[]");
        assertEquals(SioPacket.Type.BINARY_ACK, ack.type(), "no attachments: complete at once");
        assertEquals(7L, ack.id());
    }

    @Test
    void placeholdersInATextPacketAreJustObjects() throws Exception {
        SioPacket p = decoder.text("2[\"x\",{\"_placeholder\":true,\"num\":0}]");
        assertEquals(Map.of("_placeholder", true, "num", 0), p.args().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "7", "a", "abc", "4abc",                 // packet types
            "2{}", "2", "2[]", "2[1.5e,]", "2[\"x\"]y", "2[null]", "2[{}]", "2[[]]", // event payloads
            "2[\"connect\"]", "2[\"disconnect\"]", "2[\"newListener\",1]", // reserved names
            "2abc[\"x\"]", "2-1[\"x\"]",                 // ack ids
            "0[1]", "0\"s\"", "0{", "0{}x", "0{}{}",     // connect payloads
            "1{}", "1[]",                                // disconnect payloads
            "3", "3{}", "3\"x\"",                        // ack payloads
            "5[\"x\"]", "5-[\"x\"]", "5a-[\"x\"]", "51[\"x\"]", "51234-[\"x\"]", "565-[\"x\"]", // attachments
            "21234567890123456[\"x\"]"                   // ack id too long
    })
    void refusesWhatTheReferenceParserRefuses(String packet) {
        assertThrows(ProtocolViolation.class, () -> new SocketIoDecoder(new EngineJson().mapper()).text(packet));
    }

    @Test
    void refusesMisplacedOrInvalidAttachments() throws Exception {
        assertThrows(ProtocolViolation.class, () -> decoder.binary(new byte[] {1}), "no binary packet pending");
        decoder.text("51-[\"x\",{\"_placeholder\":true,\"num\":0}]");
        assertThrows(ProtocolViolation.class, () -> decoder.text("2[\"x\"]"), "text while an attachment is due");

        SioPacket.Type t = SioPacket.Type.EVENT;
        assertTrue(SocketIoDecoder.valid(t, new EngineJson().mapper().readTree("[42]")), "numeric event names are allowed");
        SocketIoDecoder other = new SocketIoDecoder(new EngineJson().mapper());
        other.text("51-[\"x\",{\"_placeholder\":true,\"num\":1}]");
        assertThrows(ProtocolViolation.class, () -> other.binary(new byte[] {1}), "placeholder out of range");
        SocketIoDecoder noNum = new SocketIoDecoder(new EngineJson().mapper());
        noNum.text("51-[\"x\",{\"_placeholder\":true}]");
        assertThrows(ProtocolViolation.class, () -> noNum.binary(new byte[] {1}));
    }
}
