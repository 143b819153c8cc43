package io.skirmish.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts things held per client address and in total against two caps; a slot is taken only if
 * both caps allow it (checked and taken atomically per address), and given back with
 * {@link #release}. Addresses holding nothing are forgotten. Thread-safe.
 */
final class AddressCounter {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    AddressCounter(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    enum Refusal { TOTAL, PER_ADDRESS }

    /** Takes a slot for {@code address}: null when taken, else which cap refused it. */
    Refusal tryAcquire(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Refusal.TOTAL;
        }
        boolean[] ok = new boolean[1];
        perAddress.compute(address, (a, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            if (c.get() < maxPerAddress) {
                c.incrementAndGet();
                ok[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        if (!ok[0]) {
            total.decrementAndGet();
            return Refusal.PER_ADDRESS;
        }
        return null;
    }

    void release(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int total() {
        return total.get();
    }

    int from(String address) {
        AtomicInteger n = perAddress.get(address);
        return n == null ? 0 : n.get();
    }

    int addresses() {
        return perAddress.size();
    }
}
