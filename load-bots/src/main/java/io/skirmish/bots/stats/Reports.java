package io.skirmish.bots.stats;

import io.skirmish.bots.config.Durations;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Thresholds;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** Builds a {@link Report} from what a run measured. */
public final class Reports {
    static final int SLOWEST = 5;

    private Reports() {}

    /**
     * The report, not yet judged.
     *
     * @param game the {@code game} the server advertised, or null if no bot joined
     * @param bots every bot's summary, players and spectators
     */
    public static Report build(LoadConfig cfg, String startedAt, double seconds, Advertised game, RoleStats players,
                               RoleStats spectators, ErrorTally errors, List<BotSummary> bots,
                               Report.Generator generator) {
        List<BotSummary> playerBots = bots.stream().filter(b -> b.role() == Role.PLAYER).toList();
        List<BotSummary> spectatorBots = bots.stream().filter(b -> b.role() == Role.SPECTATOR).toList();
        List<BotSummary> slowest = playerBots.stream()
                .filter(BotSummary::joined)
                .sorted(Comparator.comparingDouble(BotSummary::snapshotRateHz))
                .limit(SLOWEST)
                .toList();
        return new Report(startedAt, round(seconds), setup(cfg),
                game == null ? null : game.tickRate(), game == null ? null : game.snapshotRate(),
                role(cfg.bots(), players, playerBots),
                cfg.spectators() == 0 ? null : role(cfg.spectators(), spectators, spectatorBots),
                new Report.Errors(errors.total(), errors.byKind()), generator, slowest, null);
    }

    /** What the server advertised in {@code game}. */
    public record Advertised(int tickRate, int snapshotRate) {}

    /** Call after the stats' final {@link Metric#roll()}. */
    static Report.RoleReport role(int expected, RoleStats stats, List<BotSummary> bots) {
        List<BotSummary> joined = bots.stream().filter(BotSummary::joined).toList();
        double seconds = bots.stream().mapToDouble(BotSummary::activeSeconds).sum();
        return new Report.RoleReport(expected, joined.size(), stats.snapshots.sum(),
                Latency.of(stats.connectJoin.total()), Latency.of(stats.inputAck.total()),
                Latency.of(stats.snapshotAge.total()), Latency.of(stats.snapshotInterval.total()),
                Latency.of(stats.snapshotJitter.total()), spread(joined),
                new Report.PerBotSecond(perSecond(bots, BotSummary::bytesIn, seconds),
                        perSecond(bots, BotSummary::bytesOut, seconds),
                        perSecond(bots, BotSummary::messagesIn, seconds),
                        perSecond(bots, BotSummary::messagesOut, seconds)),
                sum(bots, BotSummary::reconnects), sum(bots, BotSummary::disconnects), sum(bots, BotSummary::kicks));
    }

    private static Report.Spread spread(List<BotSummary> joined) {
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
        return new Report.Setup(cfg.url().toString(), cfg.bots(), cfg.spectators(), cfg.ramp().toString(),
                Durations.format(cfg.duration()), Durations.format(cfg.warmup()), cfg.room().toString(),
                cfg.behaviour().toString(), cfg.seed(),
                new Report.Limits(t.maxP99AgeMs(), t.maxP99InputMs(), t.minSnapshotRate().toString(), t.maxErrors()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
