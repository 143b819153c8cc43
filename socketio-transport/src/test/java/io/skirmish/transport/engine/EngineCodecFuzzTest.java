package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of the Engine.IO decoders: a text packet, a polling payload (packets
 * separated by 0x1e, binary as base64), base64 and UTF-8 checks. Whatever the bytes, a decoder
 * returns or throws {@link ProtocolViolation}; any other exception, or a hang, fails. The normal
 * build replays the corpus in {@code src/test/resources/.../EngineCodecFuzzTestInputs}; see
 * {@code docs/fuzzing.md} to fuzz for longer.
 */
class EngineCodecFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void textPacket(FuzzedDataProvider data) {
        try {
            EngineIoCodec.decodeText(data.consumeRemainingAsString());
        } catch (ProtocolViolation expected) {
            // refused: what a bad client gets
        }
    }

    @FuzzTest(maxDuration = "10s")
    void pollingPayload(byte[] bytes) {
        ByteBuf body = Unpooled.wrappedBuffer(bytes);
        try {
            EngineIoCodec.decodePayload(body);
        } catch (ProtocolViolation expected) {
            // refused
        } finally {
            body.release();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void base64AndUtf8(FuzzedDataProvider data) {
        try {
            EngineIoCodec.base64(data.consumeString(4096));
        } catch (ProtocolViolation expected) {
            // refused
        }
        byte[] bytes = data.consumeRemainingAsBytes();
        assertEquals(Utf8Test.jdk(bytes), Utf8Test.ours(bytes, 0, bytes.length),
                "the JDK's strict decoder's verdict and text");
    }
}
