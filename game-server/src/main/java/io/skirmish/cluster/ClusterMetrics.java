package io.skirmish.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster gauges for {@code /metrics}: nodes, rooms per node, moves, Redis errors and latency.
 */
final class ClusterMetrics {
    private final MeterRegistry registry;
    private final Timer redisLatency;
    private final AtomicLong redisErrors = new AtomicLong();
    private final AtomicInteger nodes = new AtomicInteger();
    private final AtomicInteger redisUp = new AtomicInteger();
    private final Map<String, AtomicInteger> roomsPerNode = new ConcurrentHashMap<>();
    private final Map<String, Counter> moves = new ConcurrentHashMap<>();

    ClusterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.redisLatency = Timer.builder("skirmish_cluster_redis_latency")
                .description("Time each Redis command took (successful ones)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
        FunctionCounter.builder("skirmish_cluster_redis_errors", redisErrors, AtomicLong::get)
                .description("Redis commands that failed or timed out").register(registry);
        Gauge.builder("skirmish_cluster_nodes", nodes, AtomicInteger::get)
                .description("Live nodes in the cluster, as of the last heartbeat").register(registry);
        Gauge.builder("skirmish_cluster_redis_up", redisUp, AtomicInteger::get)
                .description("1 while Redis answers").register(registry);
    }

    void redisCommand(long nanos, boolean ok) {
        if (ok) {
            redisLatency.record(nanos, TimeUnit.NANOSECONDS);
        } else {
            redisErrors.incrementAndGet();
        }
        redisUp.set(ok ? 1 : 0);
    }

    /** A client sent to another node: {@code kind} is join, quickplay, spectate or drain. */
    void moved(String kind) {
        moves.computeIfAbsent(kind, k -> Counter.builder("skirmish_cluster_moves")
                .description("Requests answered with MOVED (and players moved by a drain)")
                .tag("kind", k).register(registry)).increment();
    }

    /** The directory as last read: live nodes and rooms per node (nodes gone since read 0). */
    void directory(int liveNodes, Map<String, Integer> rooms) {
        nodes.set(liveNodes);
        for (Map.Entry<String, Integer> e : rooms.entrySet()) {
            roomsPerNode.computeIfAbsent(e.getKey(), node -> {
                AtomicInteger n = new AtomicInteger();
                Gauge.builder("skirmish_cluster_rooms", n, AtomicInteger::get)
                        .description("Live rooms on each node of the cluster").tag("node", node).register(registry);
                return n;
            }).set(e.getValue());
        }
        Set<String> gone = new java.util.HashSet<>(roomsPerNode.keySet());
        gone.removeAll(rooms.keySet());
        gone.forEach(node -> roomsPerNode.get(node).set(0));
    }
}
