package io.skirmish.bots.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

/**
 * The verdict with and without a warm-up, on samples recorded from a real cold start (50 bots
 * against a freshly started server: {@code cold-start-50-bots.json}). Replayed second by second
 * through the same {@link Metric}s, rolls, report building and rules as a run: judged over every
 * second it fails on the cold JVMs; judged after the warm-up it passes, and the warm-up's figures
 * are still in the report.
 */
class WarmupVerdictTest {
    private static final Thresholds DEFAULTS = Thresholds.defaults();

    private record Second(boolean warmup, Histogram age, Histogram input, Histogram interval) {}

    private static List<Second> recording() throws IOException {
        try (InputStream in = WarmupVerdictTest.class.getResourceAsStream("cold-start-50-bots.json")) {
            JsonObject root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonArray seconds = root.getAsJsonArray("seconds");
            List<Second> out = new ArrayList<>();
            for (JsonElement e : seconds) {
                JsonObject s = e.getAsJsonObject();
                out.add(new Second(s.get("warmup").getAsBoolean(), Histograms.decode(s.get("snapshotAge").getAsString()),
                        Histograms.decode(s.get("inputAck").getAsString()),
                        Histograms.decode(s.get("snapshotInterval").getAsString())));
            }
            return out;
        }
    }

    /** Records every sample of {@code h} into {@code m}, value by value, as the bots did. */
    private static void replay(Histogram h, Metric m) {
        for (HistogramIterationValue v : h.recordedValues()) {
            for (long i = 0; i < v.getCountAddedInThisIterationStep(); i++) {
                m.recordMicros(v.getValueIteratedTo());
            }
        }
    }

    /** The recorded run, judged with the seconds the recording flagged as warm-up left out of the verdict or not. */
    private static Report judged(boolean withWarmup) throws IOException {
        RoleStats players = new RoleStats();
        for (Second s : recording()) {
            replay(s.age(), players.snapshotAge);
            replay(s.input(), players.inputAck);
            replay(s.interval(), players.snapshotInterval);
            players.snapshots.add(s.interval().getTotalCount());
            players.metrics().forEach(m -> m.roll(!(withWarmup && s.warmup())));
        }
        List<BotSummary> bots = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bots.add(Fixtures.bot(i, "bot-" + i, Role.PLAYER, "R" + i / 8, true, 30));
        }
        LoadConfig cfg = LoadConfig.defaults(URI.create("http://127.0.0.1:1")).withBots(50)
                .withDuration(Duration.ofSeconds(10)).withWarmup(withWarmup ? Duration.ofSeconds(5) : Duration.ZERO);
        Report r = Reports.build(cfg, new Reports.Measured("t0", 18, new Reports.Advertised(30, 30), players,
                new RoleStats(), new RoomStats(), new ErrorTally(), bots, Fixtures.generator(Fixtures.NONE),
                new Metric(), new Metric(), null, List.of(), Map.of()));
        return r.withVerdict(VerdictRules.judge(r, DEFAULTS));
    }

    @Test
    void withoutAWarmupTheColdStartFailsTheRun() throws IOException {
        Report r = judged(false);
        assertFalse(r.verdict().pass());
        assertTrue(r.verdict().breached().contains(VerdictRules.SNAPSHOT_AGE), r.verdict().reasons().toString());
        assertTrue(r.verdict().breached().contains(VerdictRules.INPUT_ACK), r.verdict().reasons().toString());
        assertEquals(0, r.warmup().snapshotAgeMs().count());
    }

    @Test
    void afterTheWarmupTheSameSamplesPassAndTheColdStartIsStillShown() throws IOException {
        Report r = judged(true);
        assertTrue(r.verdict().pass(), r.verdict().reasons().toString());
        assertTrue(r.players().snapshotAgeMs().p99() <= DEFAULTS.maxP99AgeMs());
        assertTrue(r.players().inputAckMs().p99() <= DEFAULTS.maxP99InputMs());
        // The cold start is in the report, apart: far above the thresholds.
        assertTrue(r.warmup().snapshotAgeMs().p99() > DEFAULTS.maxP99AgeMs(), r.warmup().toString());
        assertTrue(r.warmup().inputAckMs().p99() > DEFAULTS.maxP99InputMs(), r.warmup().toString());
        Report all = judged(false);
        assertEquals(all.players().snapshotAgeMs().count(),
                r.players().snapshotAgeMs().count() + r.warmup().snapshotAgeMs().count());
    }
}
