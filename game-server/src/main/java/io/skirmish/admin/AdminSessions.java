package io.skirmish.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Console logins: the session cookie holds a random id, never the token. Sessions expire after
 * {@link #TTL_NANOS}; at most {@link #MAX} live at once (the oldest goes first).
 */
final class AdminSessions {
    static final long TTL_NANOS = TimeUnit.HOURS.toNanos(12);
    static final int MAX = 64;
    private final SecureRandom random;
    private final LongSupplier nanoTime;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    AdminSessions(SecureRandom random, LongSupplier nanoTime) {
        this.random = random;
        this.nanoTime = nanoTime;
    }

    String create() {
        purge();
        while (expiries.size() >= MAX) {
            String oldest = expiries.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            if (oldest == null) break;
            expiries.remove(oldest);
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        expiries.put(id, nanoTime.getAsLong() + TTL_NANOS);
        return id;
    }

    boolean valid(String id) {
        if (id == null) return false;
        Long until = expiries.get(id);
        if (until == null) return false;
        if (nanoTime.getAsLong() - until > 0) {
            expiries.remove(id);
            return false;
        }
        return true;
    }

    void end(String id) {
        if (id != null) expiries.remove(id);
    }

    private void purge() {
        long now = nanoTime.getAsLong();
        for (Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue() > 0) it.remove();
        }
    }
}
