package io.skirmish.admin;

import io.skirmish.room.RoomMetrics;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-room figures for the console, collected beside the server's metrics: each room's recent tick
 * times, its snapshot size and how many snapshot bytes it encoded in the last second. Passes every
 * call on to the server's {@link RoomMetrics}. Written on game threads, read by the console.
 */
public final class RoomStats implements RoomMetrics {
    /** Tick times kept per room: ten seconds at 30 Hz. */
    static final int KEEP = 300;
    private final RoomMetrics next;
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    /** The snapshot a game thread just encoded, claimed by the room whose tick ends next on that thread. */
    private final ThreadLocal<int[]> pendingSnapshot = ThreadLocal.withInitial(() -> new int[1]);

    public RoomStats(RoomMetrics next) {
        this.next = next;
    }

    /** One room's figures. */
    static final class Room {
        private final long[] ticks = new long[KEEP];
        private int count;
        private int lastSnapshotBytes;
        private long secondStartNanos;
        private long bytesThisSecond;
        private long bytesLastSecond;

        synchronized void tick(long nanos, int snapshotBytes, long now) {
            ticks[count++ % KEEP] = nanos;
            if (snapshotBytes > 0) {
                lastSnapshotBytes = snapshotBytes;
                bytesThisSecond += snapshotBytes;
            }
            if (now - secondStartNanos >= 1_000_000_000L) {
                bytesLastSecond = now - secondStartNanos < 2_000_000_000L ? bytesThisSecond : 0;
                bytesThisSecond = 0;
                secondStartNanos = now;
            }
        }

        /** Recent tick times, oldest first, in nanoseconds. */
        synchronized long[] recent(int n) {
            int have = Math.min(count, KEEP);
            int take = Math.min(n, have);
            long[] out = new long[take];
            for (int i = 0; i < take; i++) {
                out[i] = ticks[(count - take + i) % KEEP];
            }
            return out;
        }

        /** The tick time at quantile {@code q} (0..1) over the kept ticks, in nanoseconds. */
        long quantile(double q) {
            long[] r = recent(KEEP);
            if (r.length == 0) return 0;
            Arrays.sort(r);
            return r[(int) Math.min(r.length - 1, Math.floor(q * r.length))];
        }

        synchronized int snapshotBytes() {
            return lastSnapshotBytes;
        }

        /** Snapshot bytes encoded in the last full second (each is sent to every member). */
        synchronized long snapshotBytesPerSecond() {
            return bytesLastSecond;
        }
    }

    Room of(String roomId) {
        return rooms.get(roomId);
    }

    /** Forgets rooms that are gone. */
    void retain(Set<String> live) {
        rooms.keySet().retainAll(live);
    }

    @Override
    public void roomTick(String roomId, long nanos) {
        int[] snap = pendingSnapshot.get();
        int bytes = snap[0];
        snap[0] = 0;
        rooms.computeIfAbsent(roomId, k -> new Room()).tick(nanos, bytes, System.nanoTime());
        next.roomTick(roomId, nanos);
    }

    @Override
    public void snapshotEncoded(int bytes, long nanos) {
        pendingSnapshot.get()[0] = bytes;
        next.snapshotEncoded(bytes, nanos);
    }

    @Override
    public void snapshotSkipped() {
        next.snapshotSkipped();
    }

    @Override
    public void roomLifecycle(String event) {
        next.roomLifecycle(event);
    }

    @Override
    public void roomOverloaded() {
        next.roomOverloaded();
    }

    @Override
    public void inputsDropped(String reason, int count) {
        next.inputsDropped(reason, count);
    }
}
