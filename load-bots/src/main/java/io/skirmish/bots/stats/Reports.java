package io.skirmish.bots.stats;

import io.skirmish.bots.config.Durations;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Thresholds;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** Builds a {@link Report} from what a run measured. */
public final class Reports {
    static final int SLOWEST = 5;
    /** The per-room breakdown keeps the worst rooms only. */
    public static final int MAX_ROOMS = 100;

    private Reports() {}

    /**
     * What a run measured, all metrics rolled for the last time.
     *
     * @param game the {@code game} the server advertised, or null if no bot joined
     * @param bots every bot's summary, players and spectators
     * @param server the server's figures, or null when its {@code /metrics} was not reachable
     * @param warmupErrors the errors by kind when the measured window began (all of them if it never did)
     */
    public record Measured(String startedAt, double seconds, Advertised game, RoleStats players,
                           RoleStats spectators, RoomStats rooms, ErrorTally errors, List<BotSummary> bots,
                           Report.Generator generator, Metric eventThreadLag, Metric laneLag,
                           Report.ServerSide server, List<Report.TimePoint> timeline,
                           Map<String, Long> warmupErrors) {}

    /** What the server advertised in {@code game}. */
    public record Advertised(int tickRate, int snapshotRate) {}

    /** The report, not yet judged. */
    public static Report build(LoadConfig cfg, Measured m) {
        List<BotSummary> playerBots = m.bots().stream().filter(b -> b.role() == Role.PLAYER).toList();
        List<BotSummary> spectatorBots = m.bots().stream().filter(b -> b.role() == Role.SPECTATOR).toList();
        Map<String, String> histograms = new LinkedHashMap<>();
        encode(histograms, "players.", m.players());
        int players = cfg.shard().share(0, cfg.bots());
        int spectators = cfg.shard().share(cfg.bots(), cfg.bots() + cfg.spectators());
        if (cfg.spectators() > 0) {
            encode(histograms, "spectators.", m.spectators());
        }
        histograms.put("eventThreadLag", Histograms.encode(m.eventThreadLag().total()));
        histograms.put("laneLag", Histograms.encode(m.laneLag().total()));
        return new Report(m.startedAt(), round(m.seconds()), setup(cfg),
                m.game() == null ? null : m.game().tickRate(), m.game() == null ? null : m.game().snapshotRate(),
                role(players, m.players(), playerBots),
                cfg.spectators() == 0 ? null : role(spectators, m.spectators(), spectatorBots),
                new Report.Warmup(Durations.format(cfg.warmup()), Latency.of(m.players().inputAck.warmup()),
                        Latency.of(m.players().snapshotAge.warmup()), Latency.of(m.players().snapshotInterval.warmup()),
                        Report.Errors.of(m.warmupErrors())),
                Report.Errors.of(m.errors().since(m.warmupErrors())), m.generator(), m.server(),
                slowest(playerBots), rooms(m.rooms(), playerBots), m.timeline(), histograms, null, null, null,
                nodes(m.rooms(), playerBots));
    }

    /**
     * Per cluster node, from its rooms' figures: the nodes the players ended on. Null when they all
     * spoke to one server (every run without a cluster).
     */
    static List<Report.NodeReport> nodes(RoomStats rooms, List<BotSummary> playerBots) {
        Map<String, List<BotSummary>> byNode = playerBots.stream().filter(b -> b.node() != null && b.joined())
                .collect(Collectors.groupingBy(BotSummary::node, java.util.TreeMap::new, Collectors.toList()));
        if (byNode.size() < 2) {
            return null;
        }
        Map<String, RoomStats.Room> all = rooms.all();
        List<Report.NodeReport> out = new java.util.ArrayList<>();
        byNode.forEach((node, bots) -> {
            java.util.Set<String> keys = bots.stream().map(BotSummary::room).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            List<RoomStats.Room> its = keys.stream().map(all::get).filter(java.util.Objects::nonNull).toList();
            out.add(new Report.NodeReport(node, bots.size(), keys.size(), sum(bots, BotSummary::moves),
                    Latency.of(Histograms.sum(its.stream().map(r -> r.snapshotAge().total()).toList())),
                    Latency.of(Histograms.sum(its.stream().map(r -> r.inputAck().total()).toList())),
                    round(bots.stream().mapToDouble(BotSummary::snapshotRateHz).min().orElse(0))));
        });
        return out;
    }

    /** The measured totals and the warm-up's, by {@code prefix + metric name}. */
    private static void encode(Map<String, String> out, String prefix, RoleStats s) {
        out.put(prefix + "connectJoin", Histograms.encode(s.connectJoin.total()));
        out.put(prefix + "inputAck", Histograms.encode(s.inputAck.total()));
        out.put(prefix + "snapshotAge", Histograms.encode(s.snapshotAge.total()));
        out.put(prefix + "snapshotInterval", Histograms.encode(s.snapshotInterval.total()));
        out.put(prefix + "snapshotJitter", Histograms.encode(s.snapshotJitter.total()));
        out.put(prefix + "warmup.inputAck", Histograms.encode(s.inputAck.warmup()));
        out.put(prefix + "warmup.snapshotAge", Histograms.encode(s.snapshotAge.warmup()));
        out.put(prefix + "warmup.snapshotInterval", Histograms.encode(s.snapshotInterval.warmup()));
    }

    static List<BotSummary> slowest(List<BotSummary> playerBots) {
        return playerBots.stream()
                .filter(BotSummary::joined)
                .sorted(Comparator.comparingDouble(BotSummary::snapshotRateHz).thenComparingInt(BotSummary::index))
                .limit(SLOWEST)
                .toList();
    }

    /** Joins are measured whenever they happen (a join is never warm-up); the rest over the measured window. */
    static Report.RoleReport role(int expected, RoleStats stats, List<BotSummary> bots) {
        Histogram connectJoin = Histograms.sum(List.of(stats.connectJoin.total(), stats.connectJoin.warmup()));
        return role(expected, bots, stats.snapshots.sum(), Latency.of(connectJoin), Latency.of(stats.inputAck.total()),
                Latency.of(stats.snapshotAge.total()), Latency.of(stats.snapshotInterval.total()),
                Latency.of(stats.snapshotJitter.total()));
    }

    static Report.RoleReport role(int expected, List<BotSummary> bots, long snapshots, Latency connectJoin,
                                  Latency inputAck, Latency age, Latency interval, Latency jitter) {
        List<BotSummary> joined = bots.stream().filter(BotSummary::joined).toList();
        double seconds = bots.stream().mapToDouble(BotSummary::activeSeconds).sum();
        return new Report.RoleReport(expected, joined.size(), snapshots, connectJoin, inputAck, age, interval, jitter,
                spread(joined), round(seconds),
                new Report.PerBotSecond(perSecond(bots, BotSummary::bytesIn, seconds),
                        perSecond(bots, BotSummary::bytesOut, seconds),
                        perSecond(bots, BotSummary::messagesIn, seconds),
                        perSecond(bots, BotSummary::messagesOut, seconds)),
                sum(bots, BotSummary::reconnects), sum(bots, BotSummary::disconnects), sum(bots, BotSummary::kicks));
    }

    /** The worst rooms by snapshot age p99, with their players' lowest snapshot rate. */
    static List<Report.RoomReport> rooms(RoomStats rooms, List<BotSummary> playerBots) {
        Map<String, List<BotSummary>> byRoom = playerBots.stream().filter(b -> b.room() != null)
                .collect(Collectors.groupingBy(BotSummary::room));
        return rooms.all().entrySet().stream()
                .map(e -> room(e.getKey(), byRoom.getOrDefault(e.getKey(), List.of()),
                        e.getValue().snapshotAge().total(), e.getValue().inputAck().total()))
                .sorted(Comparator.comparingDouble((Report.RoomReport r) -> r.snapshotAgeMs().p99()).reversed())
                .limit(MAX_ROOMS)
                .toList();
    }

    static Report.RoomReport room(String key, List<BotSummary> bots, Histogram age, Histogram input) {
        return new Report.RoomReport(key, bots.size(), Latency.of(age), Latency.of(input),
                round(bots.stream().mapToDouble(BotSummary::snapshotRateHz).min().orElse(0)),
                Histograms.encode(age), Histograms.encode(input));
    }

    static Report.Spread spread(List<BotSummary> joined) {
        var rates = joined.stream().mapToDouble(BotSummary::snapshotRateHz).summaryStatistics();
        return joined.isEmpty() ? new Report.Spread(0, 0, 0)
                : new Report.Spread(round(rates.getMin()), round(rates.getAverage()), round(rates.getMax()));
    }

    private static double perSecond(List<BotSummary> bots, ToLongFunction<BotSummary> counter, double seconds) {
        return seconds <= 0 ? 0 : round(sum(bots, counter) / seconds);
    }

    private static long sum(List<BotSummary> bots, ToLongFunction<BotSummary> counter) {
        return bots.stream().mapToLong(counter).sum();
    }

    private static Report.Setup setup(LoadConfig cfg) {
        Thresholds t = cfg.thresholds();
        return new Report.Setup(cfg.url().toString(), cfg.shard().share(0, cfg.bots()),
                cfg.shard().share(cfg.bots(), cfg.bots() + cfg.spectators()), cfg.ramp().toString(),
                Durations.format(cfg.duration()), Durations.format(cfg.warmup()), cfg.room().toString(),
                cfg.behaviour(), cfg.seed(),
                new Report.Limits(t.maxP99AgeMs(), t.maxP99InputMs(), t.minSnapshotRate().toString(), t.maxErrors()));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
