package io.skirmish.bots.stats;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found; written as the JSON report ({@code --out}), read back by {@code merge}.
 *
 * @param tickRate what the server advertised in {@code game}; null if no bot joined
 * @param snapshotRate likewise
 * @param players judged over the measured window (after the warm-up)
 * @param errors those of the measured window (the warm-up's are in {@code warmup})
 * @param spectators null when the run had none
 * @param warmup the players' figures during the ramp and the warm-up: shown, never judged
 * @param server the server's own figures from its {@code /metrics}; null when it was not reachable
 * @param slowestPlayers the joined players with the lowest snapshot rates, lowest first (at most 5)
 * @param rooms per room, worst snapshot age p99 first (at most {@link Reports#MAX_ROOMS})
 * @param timeline one point a second
 * @param histograms the measured HdrHistograms, encoded ({@link Histograms}), for merging shards
 * @param shard which share of the bots this run drove, e.g. {@code 1/3}; null for a whole run
 * @param capacity the capacity search's answer; null unless {@code --find-capacity}
 * @param verdict null until judged
 * @param nodes per cluster node the players ended on (they followed {@code MOVED} and drains); null when
 *     every player spoke to one server, and in a report merged from shards
 */
public record Report(String startedAt, double seconds, Setup setup, Integer tickRate, Integer snapshotRate,
                     RoleReport players, RoleReport spectators, Warmup warmup, Errors errors, Generator generator,
                     ServerSide server, List<BotSummary> slowestPlayers, List<RoomReport> rooms,
                     List<TimePoint> timeline, Map<String, String> histograms, String shard, Capacity capacity,
                     Verdict verdict, List<NodeReport> nodes) {

    /** A report without a per-node breakdown. */
    public Report(String startedAt, double seconds, Setup setup, Integer tickRate, Integer snapshotRate,
                  RoleReport players, RoleReport spectators, Warmup warmup, Errors errors, Generator generator,
                  ServerSide server, List<BotSummary> slowestPlayers, List<RoomReport> rooms,
                  List<TimePoint> timeline, Map<String, String> histograms, String shard, Capacity capacity,
                  Verdict verdict) {
        this(startedAt, seconds, setup, tickRate, snapshotRate, players, spectators, warmup, errors, generator, server,
                slowestPlayers, rooms, timeline, histograms, shard, capacity, verdict, null);
    }

    public Report withVerdict(Verdict v) {
        return new Report(startedAt, seconds, setup, tickRate, snapshotRate, players, spectators, warmup, errors,
                generator, server, slowestPlayers, rooms, timeline, histograms, shard, capacity, v, nodes);
    }

    public Report withCapacity(Capacity c) {
        return new Report(startedAt, seconds, setup, tickRate, snapshotRate, players, spectators, warmup, errors,
                generator, server, slowestPlayers, rooms, timeline, histograms, shard, c, verdict, nodes);
    }

    public Report withShard(String s) {
        return new Report(startedAt, seconds, setup, tickRate, snapshotRate, players, spectators, warmup, errors,
                generator, server, slowestPlayers, rooms, timeline, histograms, s, capacity, verdict, nodes);
    }

    /**
     * The players on one node of a cluster, over the measured window.
     *
     * @param node the node's public URL, as the cluster gave it
     * @param moves the cluster moves (MOVED answers, drains) these players followed
     */
    public record NodeReport(String node, int players, int rooms, long moves, Latency snapshotAgeMs,
                             Latency inputAckMs, double minSnapshotRateHz) {}

    /** The run's settings, as given. */
    public record Setup(String url, int bots, int spectators, String ramp, String duration, String warmup,
                        String room, String behaviour, long seed, Limits thresholds) {}

    public record Limits(double maxP99AgeMs, double maxP99InputMs, String minSnapshotRate, long maxErrors) {}

    /**
     * @param joined how many of {@code bots} ever joined
     * @param botSeconds the bots' summed connected time: what {@code perBotSecond} is divided by
     * @param perBotSecond traffic divided by the bots' summed connected time
     */
    public record RoleReport(int bots, int joined, long snapshots, Latency connectJoinMs, Latency inputAckMs,
                             Latency snapshotAgeMs, Latency snapshotIntervalMs, Latency snapshotJitterMs,
                             Spread snapshotRateHz, double botSeconds, PerBotSecond perBotSecond, long reconnects,
                             long disconnects, long kicks) {}

    /** Over the joined bots; all zero when none joined. */
    public record Spread(double min, double mean, double max) {}

    /**
     * Traffic per bot per second, on the wire: WebSocket frames with their headers (see {@code Traffic}).
     * {@code kbpsIn}/{@code kbpsOut} are the same bytes in kilobits per second ({@code bytes * 8 / 1000}).
     */
    public record PerBotSecond(double bytesIn, double bytesOut, double messagesIn, double messagesOut, double kbpsIn,
                               double kbpsOut) {
        public PerBotSecond(double bytesIn, double bytesOut, double messagesIn, double messagesOut) {
            this(bytesIn, bytesOut, messagesIn, messagesOut, Math.round(bytesIn * 8 / 10.0) / 100.0,
                    Math.round(bytesOut * 8 / 10.0) / 100.0);
        }
    }

    /**
     * The players during the ramp and the warm-up (a cold JVM on either side shows here).
     *
     * @param duration the warm-up after the ramp, as configured
     * @param errors what went wrong before the measured window (a join that timed out on a cold server and
     *     was retried, say): shown, not judged; a bot that never joined still fails the run
     */
    public record Warmup(String duration, Latency inputAckMs, Latency snapshotAgeMs, Latency snapshotIntervalMs,
                         Errors errors) {}

    public record Errors(long total, Map<String, Long> byKind) {
        public static Errors of(Map<String, Long> byKind) {
            return new Errors(byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
        }
    }

    /**
     * The bots' own process (processes, for a merged report): whether it kept up.
     *
     * @param cpuPercent mean over the run, 100 = one core busy (summed over processes)
     * @param cores the cores the process saw (summed over processes)
     * @param eventThreadLagMs how long a task waited for the socket.io client's shared event thread
     * @param laneLagMs how long a task waited for the bots' own event threads
     * @param loadAverage the machine's highest one-minute load average during the run (-1 where unknown):
     *     far above {@code cores}, every process on it waits for a core, the bots and the server alike
     */
    public record Generator(double cpuPercent, int cores, double peakRssMb, double peakHeapMb, int peakThreads,
                            Latency eventThreadLagMs, Latency laneLagMs, double loadAverage) {
        /** Whether the machine had more than twice as much to run as it has cores. */
        public boolean machineOverloaded() {
            return cores > 0 && loadAverage > 2.0 * cores;
        }
    }

    /**
     * The server's process as its {@code /metrics} showed it over the measured window.
     *
     * @param cpuPercent mean of {@code process_cpu_usage} times {@code system_cpu_count}, 100 = one core
     * @param heapMb peak of {@code jvm_memory_used_bytes{area="heap"}} summed over pools
     */
    public record ServerSide(double cpuPercent, double cpuPercentMax, double heapMb, double nonHeapMb,
                             Integer connections) {}

    /** One room's players, over the measured window. */
    public record RoomReport(String room, int players, Latency snapshotAgeMs, Latency inputAckMs,
                             double minSnapshotRateHz, String snapshotAgeHistogram, String inputAckHistogram) {}

    /** Percentiles of one second, in ms. */
    public record Pcts(double p50, double p99, double max) {}

    /**
     * One second of the run.
     *
     * @param t seconds since the run started, at the end of this second
     * @param epochMs wall-clock time of the same moment (for aligning shards)
     * @param warmup whether the second belongs to the ramp or the warm-up
     * @param errors errors so far
     * @param serverCpuPercent null when the server's {@code /metrics} was not reachable
     */
    public record TimePoint(double t, long epochMs, boolean warmup, int players, int spectators,
                            double snapshotsPerSecond, long errors, Pcts snapshotAgeMs, Pcts inputAckMs,
                            Pcts snapshotIntervalMs, double botsCpuPercent, Double serverCpuPercent,
                            Double serverHeapMb, Map<String, String> histograms) {}

    /**
     * The answer of {@code --find-capacity}.
     *
     * @param players the most players that met every threshold (0 if even the first step failed)
     * @param limitedBy what stopped the search: a threshold ({@code snapshot-age}, {@code input-ack},
     *     {@code snapshot-rate}, {@code joins}, {@code errors}), {@code bots} (the bots' own process was the
     *     bottleneck, not the server), {@code machine} (the machine was overloaded: everything on it waited for
     *     a core) or {@code max-players} (the search's ceiling passed)
     * @param reason the failing step's reasons, for a person
     */
    public record Capacity(int players, String limitedBy, String reason, List<Step> steps) {}

    /** One step of a capacity search. */
    public record Step(int players, boolean pass, List<String> reasons, List<String> breached, double snapshotAgeP99Ms,
                       double inputAckP99Ms, double snapshotIntervalP99Ms, double minSnapshotRateHz,
                       double botsCpuPercent, double botsLagP99Ms, boolean botsLimited, Double serverCpuPercent,
                       Double serverHeapMb, long errors, double machineLoad, int cores) {}
}
