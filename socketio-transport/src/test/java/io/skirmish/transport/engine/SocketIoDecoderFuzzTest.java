package io.skirmish.transport.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the Socket.IO v5 decoder, binary attachments included: a text packet
 * (a BINARY_EVENT or BINARY_ACK announces attachments), then up to four binary frames for it, then
 * another text packet on the same decoder (its state after a refused or half-finished packet must
 * not break the next one). It returns or throws {@link ProtocolViolation}; anything else fails.
 */
class SocketIoDecoderFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void packetsWithAttachments(FuzzedDataProvider data) {
        SocketIoDecoder decoder = new SocketIoDecoder(new EngineJson().mapper());
        String first = data.consumeString(2048);
        try {
            decoder.text(first);
            int frames = data.consumeInt(0, 4);
            for (int i = 0; i < frames && decoder.reconstructing(); i++) {
                decoder.binary(data.consumeBytes(data.consumeInt(0, 256)));
            }
        } catch (ProtocolViolation expected) {
            // refused: the session would be closed
        }
        try {
            decoder.text(data.consumeRemainingAsString());
        } catch (ProtocolViolation expected) {
            // refused
        }
    }
}
