package io.skirmish.net;

import io.skirmish.room.Connection;
import io.skirmish.room.ConnectionStats;
import io.skirmish.room.Membership;
import io.skirmish.room.RawJson;
import io.skirmish.transport.Json;
import io.skirmish.transport.Socket;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** One Socket.IO client as the rooms see it, and what the network layer remembers about it. */
final class Session implements Connection {
    private final Socket client;
    private final String address;
    private final NetMetrics metrics;
    /** The room this client is in, if any; set on a game thread when a join completes. */
    volatile Membership membership;
    volatile boolean closed;
    /** One join at a time: a second join while one is in flight could leave a seat behind. */
    final AtomicBoolean joining = new AtomicBoolean();
    /** When we last told this client about a bad input (we tell at most once a second). */
    volatile long lastInputErrorNanos;

    /** Asked for compact snapshots at connect (protocol version 2). */
    private final boolean compact;
    /** Password changes of this connection, rate-limited. */
    final PasswordRate passwordRate;
    /** Inputs of this connection that were refused (counted on I/O threads). */
    final AtomicLong rejectedInputs = new AtomicLong();
    /** The transport's message budget of a session (null before its first message). */
    private final Function<UUID, EventBudget> budgets;

    Session(Socket client, NetMetrics metrics, int passwordChangesPerMinute) {
        this(client, metrics, passwordChangesPerMinute, id -> null);
    }

    Session(Socket client, NetMetrics metrics, int passwordChangesPerMinute, Function<UUID, EventBudget> budgets) {
        this.budgets = budgets;
        this.passwordRate = new PasswordRate(passwordChangesPerMinute);
        this.client = client;
        this.compact = ProtocolVersion.compact(client);
        this.metrics = metrics;
        this.address = client.address();
    }

    Socket client() {
        return client;
    }

    /**
     * The last payload sent volatile from this thread and its transport form. A room sends one snapshot
     * to its members one after the other from its game thread, so they share one {@link Json} (and with
     * it the transport's encode-once packet) instead of a wrapper each.
     */
    private static final ThreadLocal<Object[]> LAST_WIRE = ThreadLocal.withInitial(() -> new Object[2]);

    private static Json wire(RawJson payload) {
        Object[] last = LAST_WIRE.get();
        if (last[0] != payload) {
            last[1] = Json.of(payload.json());
            last[0] = payload;
        }
        return (Json) last[1];
    }

    @Override
    public void send(String event, RawJson payload) {
        // Json: the transport splices the text in without re-encoding it.
        client.emit(event, Json.of(payload.json()));
        metrics.eventOut(event, payload.bytes());
    }

    @Override
    public boolean sendVolatile(String event, RawJson payload) {
        // The transport bounds what waits for this client, on WebSocket and polling alike: it skips the
        // snapshot, or replaces the one the client has not fetched yet, instead of queueing without bound.
        if (!client.emitVolatile(event, wire(payload))) {
            return false;
        }
        metrics.eventOut(event, payload.bytes());
        return true;
    }

    @Override
    public boolean compactSnapshots() {
        return compact;
    }

    @Override
    public String address() {
        return address;
    }

    /** Any thread: the heartbeat's round trip, this connection's refused inputs and its message budget. */
    @Override
    public ConnectionStats stats() {
        EventBudget b = budgets.apply(client.sessionId());
        EventBudget.State st = b == null ? null : b.state();
        return new ConnectionStats(client.roundTripMillis(), rejectedInputs.get(), st == null ? 0 : st.dropped(),
                st == null ? "ok" : st.label());
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
