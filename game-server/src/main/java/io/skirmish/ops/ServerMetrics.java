package io.skirmish.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skirmish.net.NetMetrics;
import io.skirmish.room.RoomMetrics;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The server's Prometheus metrics (Micrometer). Meters are looked up once per name/tag and cached,
 * so the hot paths (tick, snapshot, event counting) do no registry work.
 */
public final class ServerMetrics implements RoomMetrics, NetMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger connections = new AtomicInteger();
    private final Timer roomTick;
    private final Timer loopTick;
    private final Counter tickOverruns;
    private final DistributionSummary snapshotBytes;
    private final Timer snapshotEncode;
    private final Counter snapshotsSkipped;
    // One map per counter family, keyed by its tag value: no string building on hot paths.
    private final ConcurrentHashMap<String, Counter> eventsIn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, EventTally> eventsOut = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> lifecycle = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> handshakeRefused = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> limitHits = new ConcurrentHashMap<>();
    private final Counter unknownEvents;
    private final Counter roomOverloads;
    private final long tickBudgetNanos;

    public ServerMetrics(int tickRate) {
        this.tickBudgetNanos = TimeUnit.SECONDS.toNanos(1) / tickRate;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        registry.gauge("skirmish_connections", connections);
        roomTick = Timer.builder("skirmish_tick_duration")
                .description("Time one room's tick took")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(200))
                .register(registry);
        loopTick = Timer.builder("skirmish_loop_tick_duration")
                .description("Time one game thread took to tick all its rooms")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(500))
                .register(registry);
        tickOverruns = Counter.builder("skirmish_tick_overruns").description("Room ticks longer than the tick budget")
                .register(registry);
        snapshotBytes = DistributionSummary.builder("skirmish_snapshot_bytes").description("Encoded snapshot size")
                .baseUnit("bytes").register(registry);
        snapshotEncode = Timer.builder("skirmish_snapshot_encode").description("Snapshot encode time").register(registry);
        roomOverloads = Counter.builder("skirmish_room_overloads")
                .description("Times a room kept overrunning its tick budget and its snapshot rate was lowered")
                .register(registry);
        unknownEvents = Counter.builder("skirmish_unknown_events").description("Events no handler knows (ignored)")
                .register(registry);
        snapshotsSkipped = Counter.builder("skirmish_snapshots_skipped")
                .description("Snapshots not sent to a client that was not keeping up").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** Registers a gauge read at scrape time. */
    public <T> void gauge(String name, String description, T obj, Function<T, Number> f, String... tags) {
        io.micrometer.core.instrument.Gauge.builder(name, obj, o -> f.apply(o).doubleValue())
                .description(description).tags(tags).register(registry);
    }

    /** Registers a monotonic count read at scrape time. */
    public <T> void counter(String name, String description, T obj, java.util.function.ToDoubleFunction<T> f) {
        io.micrometer.core.instrument.FunctionCounter.builder(name, obj, f).description(description).register(registry);
    }

    public void loopTick(long nanos) {
        loopTick.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void roomTick(String roomId, long nanos) {
        roomTick.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > tickBudgetNanos) {
            tickOverruns.increment();
        }
    }

    @Override
    public void snapshotEncoded(int bytes, long nanos) {
        snapshotBytes.record(bytes);
        snapshotEncode.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void roomOverloaded() {
        roomOverloads.increment();
    }

    @Override
    public void inputsDropped(String reason, int count) {
        counter(rejected, "input|" + reason, "skirmish_rejected", "event", "input", "reason", reason).increment(count);
    }

    @Override
    public void snapshotSkipped() {
        snapshotsSkipped.increment();
    }

    @Override
    public void roomLifecycle(String event) {
        counter(lifecycle, event, "skirmish_room_lifecycle", "event", event).increment();
    }

    @Override
    public void connectionOpened() {
        connections.incrementAndGet();
    }

    @Override
    public void connectionClosed() {
        connections.decrementAndGet();
    }

    @Override
    public void eventIn(String event) {
        counter(eventsIn, event, "skirmish_events_in", "event", event).increment();
    }

    @Override
    public void eventOut(String event, int bytes) {
        // Once per delivered snapshot: per-thread counts (EventTally), summed at scrape time.
        EventTally t = eventsOut.get(event);
        if (t == null) {
            t = eventsOut.computeIfAbsent(event, this::tally);
        }
        t.add(bytes);
    }

    /** The two counters of one outgoing event, read from its tally at scrape time. */
    private EventTally tally(String event) {
        EventTally t = new EventTally();
        io.micrometer.core.instrument.FunctionCounter.builder("skirmish_events_out", t, EventTally::events)
                .tags("event", event).register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("skirmish_bytes_out", t, EventTally::bytes)
                .tags("event", event).register(registry);
        return t;
    }

    @Override
    public void rejected(String event, String reason) {
        counter(rejected, event + "|" + reason, "skirmish_rejected", "event", event, "reason", reason).increment();
    }

    @Override
    public void rateLimited(String action) {
        counter(rateLimited, action, "skirmish_rate_limit_actions", "action", action).increment();
    }

    @Override
    public void unknownEvent() {
        unknownEvents.increment();
    }

    @Override
    public void handshakeRefused(String reason) {
        counter(handshakeRefused, reason, "skirmish_handshakes_refused", "reason", reason).increment();
    }

    @Override
    public void limitHit(String limit) {
        counter(limitHits, limit, "skirmish_limit_hits", "limit", limit).increment();
    }

    @Override
    public void gauge(String name, String help, java.util.function.IntSupplier value) {
        // A strong reference: the supplier is often a lambda nobody else holds (a weak one reads NaN after a GC).
        io.micrometer.core.instrument.Gauge.builder(name, value, v -> v.getAsInt()).description(help)
                .strongReference(true).register(registry);
    }

    private Counter counter(ConcurrentHashMap<String, Counter> family, String key, String name, String... tags) {
        Counter c = family.get(key);
        if (c == null) {
            c = family.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
        }
        return c;
    }
}
