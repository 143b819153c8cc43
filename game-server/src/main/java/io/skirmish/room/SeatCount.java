package io.skirmish.room;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A room's seats reserved or taken, as network threads see them: one atomic count, so that the
 * capacity holds under concurrent joins, which a closing room shuts so that nothing joins it any
 * more. Any thread.
 */
final class SeatCount {
    private static final int CLOSED = -1;
    private final AtomicInteger n = new AtomicInteger();

    /** Seats reserved or taken; 0 once shut. */
    int occupancy() {
        return Math.max(0, n.get());
    }

    /** Takes a seat if fewer than {@code capacity} are reserved or taken; false when full or shut. */
    boolean tryReserve(int capacity) {
        while (true) {
            int now = n.get();
            if (now == CLOSED || now >= capacity) {
                return false;
            }
            if (n.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives a seat back (nothing once shut). */
    void release() {
        n.updateAndGet(now -> now > 0 ? now - 1 : now);
    }

    /** Shuts the count if no seat is reserved or taken; true if it did (an empty room may be disposed). */
    boolean shutIfEmpty() {
        return n.compareAndSet(0, CLOSED);
    }

    /** Shuts the count whatever it holds. */
    void shut() {
        n.set(CLOSED);
    }
}
