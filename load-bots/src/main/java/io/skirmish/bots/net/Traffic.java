package io.skirmish.bots.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One bot's traffic on the wire: every WebSocket frame's payload (UTF-8 bytes of a text frame: the
 * Engine.IO/Socket.IO framing and the JSON) plus its WebSocket header (2 bytes for a payload under
 * 126 bytes, 4 under 64 KiB, 10 above; frames from the client carry a 4-byte mask too). TCP/IP
 * headers are not counted. Thread-safe.
 */
public final class Traffic {
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();

    void received(int payloadBytes) {
        bytesIn.addAndGet(payloadBytes + header(payloadBytes));
        messagesIn.incrementAndGet();
    }

    void sent(int payloadBytes) {
        bytesOut.addAndGet(payloadBytes + header(payloadBytes) + 4); // client frames are masked
        messagesOut.incrementAndGet();
    }

    /** A WebSocket frame header's size for a payload of {@code n} bytes (RFC 6455, 5.2; without a mask). */
    static int header(int n) {
        return n < 126 ? 2 : n < 65536 ? 4 : 10;
    }

    /** The UTF-8 length of {@code s}, without encoding it. */
    static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n += 1;
                } else if (Character.isHighSurrogate(c)) {
                    n += 2; // with its low surrogate: 4 bytes for 2 chars
                    i++;
                } else {
                    n += 2;
                }
            }
        }
        return n;
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }
}
