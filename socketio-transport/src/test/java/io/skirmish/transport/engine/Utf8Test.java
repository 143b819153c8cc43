package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inbound text is checked in place and decoded once ({@link EngineIoCodec#utf8}); its verdict and its
 * text are the JDK's strict decoder's (malformed and unmappable input reported), byte for byte.
 */
class Utf8Test {
    /** The JDK's strict verdict: the text, or null when the bytes are not well-formed UTF-8. */
    static String jdk(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The codec's verdict on {@code length} bytes at {@code from}: the text, or null when refused. */
    static String ours(byte[] b, int from, int length) {
        try {
            return EngineIoCodec.utf8(Unpooled.wrappedBuffer(b), from, length);
        } catch (ProtocolViolation e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "34", "3432", // plain ASCII
        "c3a9", "e29c93", "f09f9880", "f48fbfbf", // 2, 3 and 4 bytes; U+10FFFF
        "c080", "e08080", "f0808080", // overlong forms
        "eda080", "edbfbf", // UTF-16 surrogates
        "f4908080", "f8888080", // beyond U+10FFFF; five bytes
        "e282", "f09f98", "c3", // cut short
        "80", "bf", "fe", "ff", // a lone continuation byte, bytes UTF-8 never uses
        "34c3a934", "3480", // good text around a bad byte
    })
    void sameVerdictAndTextAsTheJdk(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        assertEquals(jdk(b), ours(b, 0, b.length), hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3a9", "80"})
    void onlyTheGivenBytesAreRead(String hex) {
        // The same bytes inside a larger buffer, between bytes that would change the verdict.
        byte[] inner = HexFormat.of().parseHex(hex);
        byte[] outer = new byte[inner.length + 2];
        outer[0] = (byte) 0xc3; // would start a two-byte form
        System.arraycopy(inner, 0, outer, 1, inner.length);
        outer[outer.length - 1] = (byte) 0xff;
        assertEquals(jdk(inner), ours(outer, 1, inner.length), hex);
        ByteBuf direct = Unpooled.directBuffer(outer.length).writeBytes(outer);
        try {
            String viaDirect;
            try {
                viaDirect = EngineIoCodec.utf8(direct, 1, inner.length);
            } catch (ProtocolViolation e) {
                viaDirect = null;
            }
            assertEquals(jdk(inner), viaDirect, "from a direct buffer too: " + hex);
        } finally {
            direct.release();
        }
        assertNull(ours(new byte[] {(byte) 0x80}, 0, 1));
    }
}
