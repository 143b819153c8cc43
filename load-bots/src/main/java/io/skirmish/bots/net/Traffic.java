package io.skirmish.bots.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One bot's traffic: WebSocket text frames and their length in characters, an approximation of
 * bytes (the JSON text of each packet and its few Engine.IO/Socket.IO type characters, without
 * WebSocket framing). Thread-safe.
 */
public final class Traffic {
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();

    void received(int chars) {
        bytesIn.addAndGet(chars);
        messagesIn.incrementAndGet();
    }

    void sent(int chars) {
        bytesOut.addAndGet(chars);
        messagesOut.incrementAndGet();
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
