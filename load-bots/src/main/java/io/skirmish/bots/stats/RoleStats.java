package io.skirmish.bots.stats;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** What all bots of one {@link Role} measured together. Thread-safe for recording. */
public final class RoleStats {
    /** From the start of the connection to the first join's answer. */
    public final Metric connectJoin = new Metric();
    /** From sending an input to the first snapshot whose own {@code seq} reaches it. */
    public final Metric inputAck = new Metric();
    /** Receive time minus the snapshot's {@code time}, in the server's clock. */
    public final Metric snapshotAge = new Metric();
    public final Metric snapshotInterval = new Metric();
    /** |interval - 1/snapshotRate|. */
    public final Metric snapshotJitter = new Metric();
    public final LongAdder snapshots = new LongAdder();

    /** Every metric, for rolling them together. */
    public List<Metric> metrics() {
        return List.of(connectJoin, inputAck, snapshotAge, snapshotInterval, snapshotJitter);
    }
}
