package io.skirmish.bots.stats;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found; written as the JSON report ({@code --out}).
 *
 * @param tickRate what the server advertised in {@code game}; null if no bot joined
 * @param snapshotRate likewise
 * @param spectators null when the run had none
 * @param slowestPlayers the joined players with the lowest snapshot rates, lowest first (at most 5)
 * @param verdict null until judged
 */
public record Report(String startedAt, double seconds, Setup setup, Integer tickRate, Integer snapshotRate,
                     RoleReport players, RoleReport spectators, Errors errors, Generator generator,
                     List<BotSummary> slowestPlayers, Verdict verdict) {

    public Report withVerdict(Verdict v) {
        return new Report(startedAt, seconds, setup, tickRate, snapshotRate, players, spectators, errors, generator,
                slowestPlayers, v);
    }

    /** The run's settings, as given. */
    public record Setup(String url, int bots, int spectators, String ramp, String duration, String warmup,
                        String room, String behaviour, long seed, Limits thresholds) {}

    public record Limits(double maxP99AgeMs, double maxP99InputMs, String minSnapshotRate, long maxErrors) {}

    /**
     * @param joined how many of {@code bots} ever joined
     * @param perBotSecond traffic divided by the bots' summed connected time
     */
    public record RoleReport(int bots, int joined, long snapshots, Latency connectJoinMs, Latency inputAckMs,
                             Latency snapshotAgeMs, Latency snapshotIntervalMs, Latency snapshotJitterMs,
                             Spread snapshotRateHz, PerBotSecond perBotSecond, long reconnects, long disconnects,
                             long kicks) {}

    /** Over the joined bots; all zero when none joined. */
    public record Spread(double min, double mean, double max) {}

    /** Bytes are the JSON text length of each Socket.IO packet. */
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

    public record Errors(long total, Map<String, Long> byKind) {}

    /**
     * The bots' own process: whether it kept up.
     *
     * @param cpuPercent mean over the run, 100 = one core busy
     * @param eventThreadLagMs how long a task waited for the socket.io client's shared event thread
     * @param laneLagMs how long a task waited for the bots' own event threads
     */
    public record Generator(double cpuPercent, double peakRssMb, double peakHeapMb, int peakThreads,
                            Latency eventThreadLagMs, Latency laneLagMs) {}
}
