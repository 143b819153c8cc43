package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO and Socket.IO codecs at the edges of each bound, each packet type's wire character
 * and validity, and the HTTP answers' headers.
 */
class CodecEdgesTest {
    private final ObjectMapper mapper = new EngineJson().mapper();

    private static List<EioPacket> payload(String s) throws ProtocolViolation {
        ByteBuf b = Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
        try {
            return EngineIoCodec.decodePayload(b);
        } finally {
            b.release();
        }
    }

    private SioPacket decode(String s) throws ProtocolViolation {
        return new SocketIoDecoder(mapper).text(s);
    }

    private JsonNode json(String s) throws Exception {
        return mapper.readTree(s);
    }

    @Test
    void everyEngineIoTypeHasItsDigitAndNothingElseIsAType() throws Exception {
        EioPacket.Type[] types = EioPacket.Type.values();
        for (int t = 0; t < types.length; t++) {
            assertEquals((char) ('0' + t), types[t].wire());
            EioPacket p = EngineIoCodec.decodeText(t + "x");
            assertEquals(types[t], p.type());
            assertEquals("x", p.text());
            assertFalse(p.isBinary());
        }
        assertEquals('6', EioPacket.Type.NOOP.wire());
        assertThrows(ProtocolViolation.class, () -> EngineIoCodec.decodeText("7"));
        assertThrows(ProtocolViolation.class, () -> EngineIoCodec.decodeText("/"), "the character below '0'");
        assertThrows(ProtocolViolation.class, () -> EngineIoCodec.decodeText(""));
        assertEquals("", EngineIoCodec.decodeText("4").text());
        EioPacket bin = EioPacket.binary(new byte[] {9});
        assertTrue(bin.isBinary());
        assertEquals(EioPacket.Type.MESSAGE, bin.type());
        assertNull(bin.text());
    }

    @Test
    void aPayloadCarriesAtMostTheBoundOfPackets() throws Exception {
        String max = String.join("\u001e", java.util.Collections.nCopies(EngineIoCodec.MAX_PACKETS_PER_PAYLOAD, "6"));
        assertEquals(EngineIoCodec.MAX_PACKETS_PER_PAYLOAD, payload(max).size());
        assertThrows(ProtocolViolation.class, () -> payload(max + "\u001e6"));
        List<EioPacket> one = payload("4only");
        assertEquals(1, one.size());
        assertEquals("only", one.get(0).text());
    }

    @Test
    void aPayloadIsReadFromTheBuffersReaderIndexOnly() throws Exception {
        ByteBuf b = Unpooled.copiedBuffer("xx4a\u001eb/w==", StandardCharsets.UTF_8);
        try {
            b.readerIndex(2);
            List<EioPacket> p = EngineIoCodec.decodePayload(b);
            assertEquals(2, p.size());
            assertEquals("a", p.get(0).text());
            assertArrayEquals(new byte[] {(byte) 0xff}, p.get(1).binary());
        } finally {
            b.release();
        }
    }

    @Test
    void base64IgnoresEveryKindOfBlankAndBinaryIsWrittenBack() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3}, EngineIoCodec.base64("A Q\tI\r\nD"));
        assertArrayEquals(new byte[0], EngineIoCodec.base64(""));
        assertThrows(ProtocolViolation.class, () -> payload("b!!"));
        StringBuilder sb = new StringBuilder("4x\u001e");
        EngineIoCodec.appendBinary(sb, new byte[] {(byte) 0xfb, (byte) 0xff});
        assertEquals("4x\u001eb+/8=", sb.toString(), "the standard alphabet, padded, after what was there");
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, payload("b+/8=").get(0).binary());
    }

    @Test
    void socketIoTypesKnowWhetherTheyAreBinaryEventsOrAcks() {
        for (SioPacket.Type t : SioPacket.Type.values()) {
            assertEquals(t == SioPacket.Type.BINARY_EVENT || t == SioPacket.Type.BINARY_ACK, t.binary(), t.name());
            assertEquals(t == SioPacket.Type.EVENT || t == SioPacket.Type.BINARY_EVENT, t.event(), t.name());
            assertEquals(t == SioPacket.Type.ACK || t == SioPacket.Type.BINARY_ACK, t.ack(), t.name());
        }
    }

    @Test
    void eachSocketIoTypeDecodesWithItsDigit() throws Exception {
        assertEquals(SioPacket.Type.CONNECT, decode("0").type());
        assertEquals(SioPacket.Type.DISCONNECT, decode("1").type());
        assertEquals(SioPacket.Type.EVENT, decode("2[\"e\"]").type());
        assertEquals(SioPacket.Type.ACK, decode("3[]").type());
        assertEquals(SioPacket.Type.CONNECT_ERROR, decode("4\"no\"").type());
        assertEquals(SioPacket.Type.CONNECT_ERROR, decode("4{\"message\":\"no\"}").type());
        assertEquals(SioPacket.Type.BINARY_EVENT, decode("50-[\"e\"]").type());
        assertEquals(SioPacket.Type.BINARY_ACK, decode("60-[]").type());
        assertThrows(ProtocolViolation.class, () -> decode("/"));
        assertThrows(ProtocolViolation.class, () -> decode("4"), "connect_error needs a payload");
        assertThrows(ProtocolViolation.class, () -> decode("4[]"), "and not an array");
        assertThrows(ProtocolViolation.class, () -> decode("4 1"));
    }

    @Test
    void validityOfEachPayloadByType() throws Exception {
        assertTrue(SocketIoDecoder.valid(SioPacket.Type.CONNECT, null));
        assertTrue(SocketIoDecoder.valid(SioPacket.Type.CONNECT, json("{}")));
        assertFalse(SocketIoDecoder.valid(SioPacket.Type.CONNECT, json("1")));
        assertTrue(SocketIoDecoder.valid(SioPacket.Type.DISCONNECT, null));
        assertFalse(SocketIoDecoder.valid(SioPacket.Type.DISCONNECT, json("{}")));
        assertFalse(SocketIoDecoder.valid(SioPacket.Type.CONNECT_ERROR, null));
        assertTrue(SocketIoDecoder.valid(SioPacket.Type.CONNECT_ERROR, json("\"x\"")));
        assertTrue(SocketIoDecoder.valid(SioPacket.Type.CONNECT_ERROR, json("{}")));
        assertFalse(SocketIoDecoder.valid(SioPacket.Type.CONNECT_ERROR, json("1")));
        for (SioPacket.Type t : List.of(SioPacket.Type.EVENT, SioPacket.Type.BINARY_EVENT)) {
            assertFalse(SocketIoDecoder.valid(t, null));
            assertFalse(SocketIoDecoder.valid(t, json("{}")));
            assertFalse(SocketIoDecoder.valid(t, json("[]")));
            assertTrue(SocketIoDecoder.valid(t, json("[\"e\"]")));
            assertTrue(SocketIoDecoder.valid(t, json("[7,1]")));
            assertFalse(SocketIoDecoder.valid(t, json("[true]")));
            for (String reserved : SocketIoDecoder.RESERVED_EVENTS) {
                assertFalse(SocketIoDecoder.valid(t, json("[\"" + reserved + "\"]")), reserved);
            }
        }
        for (SioPacket.Type t : List.of(SioPacket.Type.ACK, SioPacket.Type.BINARY_ACK)) {
            assertFalse(SocketIoDecoder.valid(t, null));
            assertTrue(SocketIoDecoder.valid(t, json("[]")));
            assertFalse(SocketIoDecoder.valid(t, json("{}")));
        }
    }

    @Test
    void attachmentCountsUpToTheBound() throws Exception {
        SocketIoDecoder d = new SocketIoDecoder(mapper);
        assertNull(d.text("5" + SocketIoDecoder.MAX_ATTACHMENTS + "-[\"e\",{\"_placeholder\":true,\"num\":63}]"));
        for (int i = 0; i < SocketIoDecoder.MAX_ATTACHMENTS - 1; i++) {
            assertNull(d.binary(new byte[] {(byte) i}), "attachment " + i);
            assertTrue(d.reconstructing());
        }
        SioPacket p = d.binary(new byte[] {63});
        assertFalse(d.reconstructing());
        assertArrayEquals(new byte[] {63}, p.data().get(1).binaryValue(), "the last attachment is num 63");
        assertThrows(ProtocolViolation.class, () -> decode("5" + (SocketIoDecoder.MAX_ATTACHMENTS + 1) + "-[\"e\"]"));
        assertThrows(ProtocolViolation.class, () -> decode("50001-[\"e\"]"), "at most three digits");
        assertNull(new SocketIoDecoder(mapper).text("5001-[\"e\"]"), "three digits are fine");
        assertThrows(ProtocolViolation.class, () -> decode("51-"), "nothing after the dash but the count");
        SioPacket withNsp = new SocketIoDecoder(mapper).text("50-/a,9[\"e\"]");
        assertEquals("/a", withNsp.nsp());
        assertEquals(9L, withNsp.id());
    }

    @Test
    void namespaceAndAckIdLengthsUpToTheirBounds() throws Exception {
        String longest = "/" + "n".repeat(SocketIoDecoder.MAX_NAMESPACE_LENGTH - 1);
        assertEquals(longest, decode("0" + longest + ",").nsp());
        assertThrows(ProtocolViolation.class, () -> decode("0" + longest + "n,"));
        assertEquals(999_999_999_999_999L, decode("2999999999999999[\"e\"]").id(), "15 digits");
        assertEquals(0L, decode("20[\"e\"]").id());
        assertEquals("/x", decode("2/x,[\"e\"]").nsp());
        assertNull(decode("2/x,[\"e\"]").id());
    }

    @Test
    void placeholdersMustBeTrueWithAnIntegerInRange() throws Exception {
        SocketIoDecoder d = new SocketIoDecoder(mapper);
        d.text("51-[\"e\",{\"_placeholder\":false,\"num\":0},{\"_placeholder\":\"yes\",\"num\":0},{\"_placeholder\":true,\"num\":0}]");
        SioPacket p = d.binary(new byte[] {5});
        assertTrue(p.data().get(1).isObject(), "not a placeholder: false");
        assertTrue(p.data().get(2).isObject(), "not a placeholder: not a boolean");
        assertArrayEquals(new byte[] {5}, p.data().get(3).binaryValue());
        for (String num : List.of("-1", "1", "\"0\"", "0.5")) {
            SocketIoDecoder bad = new SocketIoDecoder(mapper);
            bad.text("51-[\"e\",{\"_placeholder\":true,\"num\":" + num + "}]");
            assertThrows(ProtocolViolation.class, () -> bad.binary(new byte[] {1}), num);
            assertFalse(bad.reconstructing(), "the packet is dropped either way");
        }
    }

    @Test
    void errorsAnswerTheReferenceServersStatusAndBody() {
        assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", EngineError.UNKNOWN_SID.json());
        assertEquals("{\"code\":0,\"message\":\"Transport unknown\"}", EngineError.UNKNOWN_TRANSPORT.json());
        for (EngineError e : EngineError.values()) {
            assertEquals(e.ordinal(), e.code);
            assertEquals(e == EngineError.FORBIDDEN ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST,
                    e.status(), e.name());
        }
    }

    @Test
    void httpAnswersCarryLengthTypeNoStoreConnectionAndCors() {
        FullHttpResponse r = EngineEncoder.response(HttpResponseStatus.OK, "€", EngineEncoder.TEXT, true, "https://a.example");
        try {
            assertEquals(HttpResponseStatus.OK, r.status());
            assertEquals("€", r.content().toString(StandardCharsets.UTF_8));
            assertEquals("3", r.headers().get(HttpHeaderNames.CONTENT_LENGTH), "bytes, not characters");
            assertEquals("text/plain; charset=UTF-8", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
            assertEquals("no-store", r.headers().get(HttpHeaderNames.CACHE_CONTROL));
            assertFalse(r.headers().contains(HttpHeaderNames.CONNECTION), "HTTP/1.1 keeps the connection by default");
            assertEquals("https://a.example", r.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        } finally {
            r.release();
        }
        FullHttpResponse c = EngineEncoder.response(HttpResponseStatus.BAD_REQUEST, "", "application/json", false, null);
        try {
            assertEquals("close", c.headers().get(HttpHeaderNames.CONNECTION));
            assertFalse(c.headers().contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
            assertEquals("0", c.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        } finally {
            c.release();
        }
    }

    @Test
    void closeReasonsTheServerChoseAreTheGracefulOnes() {
        for (CloseReason r : CloseReason.values()) {
            assertEquals(r == CloseReason.SERVER_DISCONNECT || r == CloseReason.SERVER_SHUTDOWN, r.graceful(), r.name());
            assertFalse(r.text.isEmpty());
        }
        assertEquals("ping timeout", CloseReason.PING_TIMEOUT.text);
    }

    @Test
    void connectErrorDataIsAlwaysAnObjectWithAMessage() {
        assertEquals(Map.of("message", "banned"), SocketIoDemux.connectErrorData("banned"));
        Map<String, Object> own = Map.of("message", "full", "retry", 5);
        assertEquals(own, SocketIoDemux.connectErrorData(own));
        assertEquals(Map.of("message", "Not authorized"), SocketIoDemux.connectErrorData(null));
        assertEquals(Map.of("message", "Not authorized", "data", 42), SocketIoDemux.connectErrorData(42));
        assertEquals(Map.of("message", "Not authorized", "data", Map.of("message", 1)),
                SocketIoDemux.connectErrorData(Map.of("message", 1)), "a message that is not text is data");
    }
}
