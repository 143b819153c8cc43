package io.skirmish.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps on live Socket.IO sessions, in total and per client address. Handshakes are checked against
 * it before a session exists; sessions are counted from connect to disconnect. Thread-safe.
 */
public final class ConnectionLimits {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** Null if a new session from this address is admitted, else the reason. */
    public String refusal(String address) {
        if (total.get() >= maxTotal) {
            return "the server is at its connection limit";
        }
        AtomicInteger n = perAddress.get(address);
        if (n != null && n.get() >= maxPerAddress) {
            return "too many connections from your address";
        }
        return null;
    }

    public void opened(String address) {
        total.incrementAndGet();
        perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    }

    public void closed(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public int total() {
        return total.get();
    }

    public int from(String address) {
        AtomicInteger n = perAddress.get(address);
        return n == null ? 0 : n.get();
    }
}
