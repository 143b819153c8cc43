package io.skirmish.bots.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Shard;
import io.skirmish.bots.net.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Shards' reports merged give the percentiles of one run over the same samples: the histograms
 * travel encoded in the JSON and are added, not their percentiles averaged.
 */
class ReportMergeTest {
    private static final int BOTS = 30;
    private static final int SHARDS = 3;

    /** Skewed latencies, different per bot, so that averaging shard percentiles would be visibly wrong. */
    private static long sample(SplittableRandom rng, int bot) {
        double base = 2_000 + bot * 700;
        return Math.round(base * Math.exp(rng.nextGaussian() * (bot % 3 == 0 ? 1.2 : 0.3)));
    }

    private static Report report(LoadConfig cfg, RoleStats players, List<BotSummary> bots, ErrorTally errors) {
        players.metrics().forEach(m -> m.roll(true));
        Report r = Reports.build(cfg, new Reports.Measured("t0", 10, new Reports.Advertised(30, 30), players,
                new RoleStats(), new RoomStats(), errors, bots, Fixtures.generator(Fixtures.NONE), new Metric(),
                new Metric(), null, List.of(), Map.of()));
        // Through the JSON the shards write and the merge reads.
        return Json.read(Json.pretty(r), Report.class);
    }

    @Test
    void mergedShardsHaveTheWholeRunsPercentiles() {
        LoadConfig cfg = LoadConfig.defaults(URI.create("http://127.0.0.1:1")).withBots(BOTS);
        RoleStats whole = new RoleStats();
        List<RoleStats> parts = new ArrayList<>();
        List<List<BotSummary>> partBots = new ArrayList<>();
        List<ErrorTally> partErrors = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            parts.add(new RoleStats());
            partBots.add(new ArrayList<>());
            partErrors.add(new ErrorTally());
        }
        List<BotSummary> allBots = new ArrayList<>();
        ErrorTally allErrors = new ErrorTally();
        SplittableRandom rng = new SplittableRandom(42);
        for (int bot = 0; bot < BOTS; bot++) {
            int shard = bot % SHARDS; // Shard(shard + 1, SHARDS).owns(bot)
            RoleStats mine = parts.get(shard);
            for (int i = 0; i < 2_000; i++) {
                long age = sample(rng, bot);
                long input = sample(rng, bot) * 10;
                whole.snapshotAge.recordMicros(age);
                mine.snapshotAge.recordMicros(age);
                whole.inputAck.recordMicros(input);
                mine.inputAck.recordMicros(input);
            }
            whole.snapshots.add(2_000);
            mine.snapshots.add(2_000);
            BotSummary b = Fixtures.bot(bot, "bot-" + bot, Role.PLAYER, "R" + bot / 8, true, 25 + bot % 7);
            allBots.add(b);
            partBots.get(shard).add(b);
            if (bot % 4 == 0) {
                allErrors.count("disconnect: transport close");
                partErrors.get(shard).count("disconnect: transport close");
            }
        }
        Report one = report(cfg, whole, allBots, allErrors);
        List<Report> shards = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            shards.add(report(cfg.withShard(new Shard(s + 1, SHARDS)), parts.get(s), partBots.get(s), partErrors.get(s)));
            assertEquals(new Shard(s + 1, SHARDS).share(0, BOTS), shards.get(s).players().bots());
        }

        Report merged = ReportMerge.merge(shards);

        assertEquals(one.players().snapshotAgeMs(), merged.players().snapshotAgeMs());
        assertEquals(one.players().inputAckMs(), merged.players().inputAckMs());
        assertEquals(one.players().bots(), merged.players().bots());
        assertEquals(one.players().joined(), merged.players().joined());
        assertEquals(one.players().snapshots(), merged.players().snapshots());
        assertEquals(one.players().snapshotRateHz().min(), merged.players().snapshotRateHz().min());
        assertEquals(one.players().snapshotRateHz().mean(), merged.players().snapshotRateHz().mean(), 0.01);
        assertEquals(one.players().perBotSecond().bytesIn(), merged.players().perBotSecond().bytesIn(), 0.01);
        assertEquals(one.errors(), merged.errors());
        assertEquals(one.slowestPlayers(), merged.slowestPlayers());
        assertEquals(one.setup().bots(), merged.setup().bots());
        // Averaging the shards' p99s would not do: the skew differs per shard.
        double averaged = shards.stream().mapToDouble(r -> r.players().snapshotAgeMs().p99()).average().orElseThrow();
        assertEquals(false, Math.abs(averaged - one.players().snapshotAgeMs().p99()) < 0.01);
    }

    @Test
    void aReportWithoutHistogramsCannotBeMerged() {
        Report r = Fixtures.report(new Report.RoleReport(1, 1, 1, Fixtures.NONE, Fixtures.NONE, Fixtures.NONE,
                Fixtures.NONE, Fixtures.NONE, new Report.Spread(0, 0, 0), 1, new Report.PerBotSecond(0, 0, 0, 0), 0,
                0, 0), Map.of(), Fixtures.NONE, List.of());
        assertThrows(IllegalArgumentException.class, () -> ReportMerge.merge(List.of(r)));
        assertThrows(IllegalArgumentException.class, () -> ReportMerge.merge(List.of()));
    }
}
