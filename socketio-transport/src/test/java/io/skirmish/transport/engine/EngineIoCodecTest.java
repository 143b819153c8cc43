package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine.IO v4 framing of polling payloads. */
class EngineIoCodecTest {

    private static List<EioPacket> decode(String s) throws ProtocolViolation {
        ByteBuf b = Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
        try {
            return EngineIoCodec.decodePayload(b);
        } finally {
            b.release();
        }
    }

    @Test
    void splitsOnTheRecordSeparatorAndDecodesBase64Binary() throws Exception {
        List<EioPacket> p = decode("4hello\u001e2probe\u001ebAQIDBA==\u001e4€");
        assertEquals(4, p.size());
        assertEquals(EioPacket.Type.MESSAGE, p.get(0).type());
        assertEquals("hello", p.get(0).text());
        assertEquals(EioPacket.Type.PING, p.get(1).type());
        assertEquals("probe", p.get(1).text());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, p.get(2).binary());
        assertEquals("€", p.get(3).text());
    }

    @Test
    void readsBase64AsNodeDoes() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3, 4}, EngineIoCodec.base64("AQID\nBA"), "wrapped, unpadded");
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, EngineIoCodec.base64("-_8="), "URL-safe alphabet");
        assertThrows(ProtocolViolation.class, () -> EngineIoCodec.base64("AQ!D"));
    }

    @Test
    void refusesEmptyOrUnknownPackets() {
        for (String bad : new String[] {"", "\u001e", "4a\u001e", "7", "x", "4ok\u001e\u001e4ok"}) {
            assertThrows(ProtocolViolation.class, () -> decode(bad), bad);
        }
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        ByteBuf b = Unpooled.wrappedBuffer(new byte[] {'4', (byte) 0xc3, (byte) 0x28});
        assertThrows(ProtocolViolation.class, () -> EngineIoCodec.decodePayload(b));
    }
}
