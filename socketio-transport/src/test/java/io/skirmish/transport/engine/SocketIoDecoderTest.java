package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("[\"project:delete\",123]", p.data().toString());

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
        assertEquals("[\"x\",null,{\"a\":null}]", decoder.text("2[\"x\",null,{\"a\":null}]").data().toString());
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
        assertTrue(p.data().get(1).isObject());
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
