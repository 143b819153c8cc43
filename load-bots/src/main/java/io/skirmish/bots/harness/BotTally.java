package io.skirmish.bots.harness;

import io.skirmish.bots.net.Traffic;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Role;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one bot counts about itself for its {@link BotSummary}: when it started, got in and saw its
 * first snapshot, its snapshots (all, and those of the measured window), its traffic, reconnects,
 * disconnects and kicks. Written on the bot's lane, read by the harness at the end.
 */
final class BotTally {
    final Traffic traffic = new Traffic();
    final AtomicLong snapshots = new AtomicLong();
    /** Snapshots received in the measured window (after the warm-up). */
    final AtomicLong measuredSnapshots = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    final AtomicLong kicks = new AtomicLong();
    /** Cluster moves followed: {@code MOVED} answers and drains that moved the room. */
    final AtomicLong moves = new AtomicLong();
    volatile long startNanos;
    volatile long joinedNanos;
    volatile long firstSnapshotNanos;

    /** Counts one snapshot received at {@code receivedNanos}; {@code measuring}: in the measured window. */
    void snapshot(long receivedNanos, boolean measuring) {
        if (snapshots.getAndIncrement() == 0) {
            firstSnapshotNanos = receivedNanos;
        }
        if (measuring) {
            measuredSnapshots.incrementAndGet();
        }
    }

    /**
     * The bot's summary with its rates taken up to {@code endNanos}: a player's from its first join,
     * a spectator's from its first snapshot (the server delays those on purpose), and from the
     * measured window's start ({@code measuredFromNanos}, 0: none) when that came later.
     */
    BotSummary summary(int index, String name, Role role, String roomKey, String node, long endNanos,
                       long measuredFromNanos) {
        long started = startNanos;
        long joined = joinedNanos;
        long from = role == Role.PLAYER ? joined : firstSnapshotNanos;
        double active = started == 0 ? 0 : (endNanos - started) / 1e9;
        long n = snapshots.get();
        if (from != 0 && measuredFromNanos != 0 && measuredFromNanos < endNanos) {
            // The rate of the measured window, like every judged figure: a cold start's gaps are warm-up.
            from = Math.max(from, measuredFromNanos);
            n = measuredSnapshots.get();
        }
        double playingSeconds = from == 0 ? 0 : (endNanos - from) / 1e9;
        return new BotSummary(index, name, role, roomKey, joined != 0, snapshots.get(), active, playingSeconds,
                playingSeconds > 0 ? n / playingSeconds : 0, traffic.bytesIn(), traffic.bytesOut(),
                traffic.messagesIn(), traffic.messagesOut(), reconnects.get(), disconnects.get(), kicks.get(),
                node, moves.get());
    }
}
