package io.skirmish.net;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/** At most {@code perMinute} password changes in any 60 s, for one connection. Thread-safe. */
final class PasswordRate {
    private static final long WINDOW = TimeUnit.MINUTES.toNanos(1);
    private final int perMinute;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    PasswordRate(int perMinute) {
        this.perMinute = perMinute;
    }

    synchronized boolean tryChange(long nowNanos) {
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() >= WINDOW) {
            recent.pollFirst();
        }
        if (recent.size() >= perMinute) {
            return false;
        }
        recent.addLast(nowNanos);
        return true;
    }
}
