package io.skirmish.bots.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Combines the reports of shards (several bots processes, on one host or many) into the report one
 * process would have written: latencies from the sums of their encoded HdrHistograms (so the
 * percentiles are exact, not averages of percentiles), counts and traffic summed, rates weighted,
 * timelines aligned on the wall clock's seconds. The result is not judged yet.
 */
public final class ReportMerge {
    private ReportMerge() {}

    /**
     * @throws IllegalArgumentException when there is nothing to merge or a report lacks its histograms
     */
    public static Report merge(List<Report> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no reports to merge");
        }
        for (Report r : shards) {
            if (r.histograms() == null || r.histograms().isEmpty()) {
                throw new IllegalArgumentException("a report without histograms (written by an older load-bots?)");
            }
        }
        Report first = shards.get(0);
        Report.Setup s = first.setup();
        Report.Setup setup = new Report.Setup(s.url(), shards.stream().mapToInt(r -> r.setup().bots()).sum(),
                shards.stream().mapToInt(r -> r.setup().spectators()).sum(), s.ramp(), s.duration(), s.warmup(),
                s.room(), s.behaviour(), s.seed(), s.thresholds());
        Map<String, String> histograms = new LinkedHashMap<>();
        for (String key : first.histograms().keySet()) {
            histograms.put(key, Histograms.encode(sum(shards, key)));
        }
        boolean spectators = shards.stream().anyMatch(r -> r.spectators() != null);
        List<BotSummary> slowest = shards.stream().flatMap(r -> r.slowestPlayers().stream())
                .sorted(Comparator.comparingDouble(BotSummary::snapshotRateHz).thenComparingInt(BotSummary::index)).limit(Reports.SLOWEST).toList();
        return new Report(first.startedAt(), shards.stream().mapToDouble(Report::seconds).max().orElse(0), setup,
                first.tickRate(), first.snapshotRate(), role(shards, "players.", Report::players),
                spectators ? role(shards, "spectators.", Report::spectators) : null,
                new Report.Warmup(first.warmup().duration(), lat(shards, "players.warmup.inputAck"),
                        lat(shards, "players.warmup.snapshotAge"), lat(shards, "players.warmup.snapshotInterval"),
                        errors(shards.stream().map(r -> r.warmup().errors()).toList())),
                errors(shards.stream().map(Report::errors).toList()), generator(shards), server(shards), slowest, rooms(shards), timeline(shards),
                histograms, null, null, null);
    }

    private static Histogram sum(List<Report> shards, String key) {
        List<Histogram> parts = new ArrayList<>();
        for (Report r : shards) {
            String h = r.histograms().get(key);
            if (h != null) {
                parts.add(Histograms.decode(h));
            }
        }
        return Histograms.sum(parts);
    }

    private static Latency lat(List<Report> shards, String key) {
        return Latency.of(sum(shards, key));
    }

    private static Report.RoleReport role(List<Report> shards, String prefix, Function<Report, Report.RoleReport> get) {
        List<Report.RoleReport> parts = shards.stream().map(get).filter(p -> p != null).toList();
        double seconds = parts.stream().mapToDouble(Report.RoleReport::botSeconds).sum();
        int joined = parts.stream().mapToInt(Report.RoleReport::joined).sum();
        Report.Spread spread = new Report.Spread(
                parts.stream().filter(p -> p.joined() > 0).mapToDouble(p -> p.snapshotRateHz().min()).min().orElse(0),
                joined == 0 ? 0 : Reports.round(parts.stream()
                        .mapToDouble(p -> p.snapshotRateHz().mean() * p.joined()).sum() / joined),
                parts.stream().mapToDouble(p -> p.snapshotRateHz().max()).max().orElse(0));
        Report.PerBotSecond t = new Report.PerBotSecond(
                weighted(parts, seconds, p -> p.perBotSecond().bytesIn()),
                weighted(parts, seconds, p -> p.perBotSecond().bytesOut()),
                weighted(parts, seconds, p -> p.perBotSecond().messagesIn()),
                weighted(parts, seconds, p -> p.perBotSecond().messagesOut()));
        return new Report.RoleReport(parts.stream().mapToInt(Report.RoleReport::bots).sum(), joined,
                parts.stream().mapToLong(Report.RoleReport::snapshots).sum(), lat(shards, prefix + "connectJoin"),
                lat(shards, prefix + "inputAck"), lat(shards, prefix + "snapshotAge"),
                lat(shards, prefix + "snapshotInterval"), lat(shards, prefix + "snapshotJitter"), spread,
                Reports.round(seconds), t, parts.stream().mapToLong(Report.RoleReport::reconnects).sum(),
                parts.stream().mapToLong(Report.RoleReport::disconnects).sum(),
                parts.stream().mapToLong(Report.RoleReport::kicks).sum());
    }

    /** A per-bot-second rate over all parts: each part's rate times its bot-seconds, over all bot-seconds. */
    private static double weighted(List<Report.RoleReport> parts, double seconds,
                                   java.util.function.ToDoubleFunction<Report.RoleReport> rate) {
        return seconds <= 0 ? 0 : Reports.round(parts.stream()
                .mapToDouble(p -> rate.applyAsDouble(p) * p.botSeconds()).sum() / seconds);
    }

    private static Report.Errors errors(List<Report.Errors> parts) {
        Map<String, Long> byKind = new TreeMap<>();
        parts.stream().filter(e -> e != null).forEach(e -> e.byKind().forEach((k, v) -> byKind.merge(k, v, Long::sum)));
        return Report.Errors.of(byKind);
    }

    private static Report.Generator generator(List<Report> shards) {
        return new Report.Generator(shards.stream().mapToDouble(r -> r.generator().cpuPercent()).sum(),
                shards.stream().mapToInt(r -> r.generator().cores()).sum(),
                shards.stream().mapToDouble(r -> r.generator().peakRssMb()).sum(),
                shards.stream().mapToDouble(r -> r.generator().peakHeapMb()).sum(),
                shards.stream().mapToInt(r -> r.generator().peakThreads()).sum(),
                lat(shards, "eventThreadLag"), lat(shards, "laneLag"),
                shards.stream().mapToDouble(r -> r.generator().loadAverage()).max().orElse(-1));
    }

    /** The same server seen by every shard: the first shard's view that has one. */
    private static Report.ServerSide server(List<Report> shards) {
        return shards.stream().map(Report::server).filter(s -> s != null).findFirst().orElse(null);
    }

    private static List<Report.RoomReport> rooms(List<Report> shards) {
        Map<String, List<Report.RoomReport>> byRoom = shards.stream().filter(r -> r.rooms() != null)
                .flatMap(r -> r.rooms().stream()).collect(Collectors.groupingBy(Report.RoomReport::room));
        return byRoom.entrySet().stream().map(e -> {
            Histogram age = Histograms.sum(e.getValue().stream().map(x -> Histograms.decode(x.snapshotAgeHistogram()))
                    .toList());
            Histogram input = Histograms.sum(e.getValue().stream().map(x -> Histograms.decode(x.inputAckHistogram()))
                    .toList());
            return new Report.RoomReport(e.getKey(), e.getValue().stream().mapToInt(Report.RoomReport::players).sum(),
                    Latency.of(age), Latency.of(input),
                    e.getValue().stream().mapToDouble(Report.RoomReport::minSnapshotRateHz).min().orElse(0),
                    Histograms.encode(age), Histograms.encode(input));
        }).sorted(Comparator.comparingDouble((Report.RoomReport r) -> r.snapshotAgeMs().p99()).reversed())
                .limit(Reports.MAX_ROOMS).toList();
    }

    /** Points in the same wall-clock second add up; the first shard's start is t = 0. */
    private static List<Report.TimePoint> timeline(List<Report> shards) {
        long origin = shards.stream().filter(r -> r.timeline() != null && !r.timeline().isEmpty())
                .mapToLong(r -> r.timeline().get(0).epochMs() - Math.round(r.timeline().get(0).t() * 1000))
                .min().orElse(0);
        Map<Long, List<Report.TimePoint>> bySecond = new TreeMap<>();
        shards.stream().filter(r -> r.timeline() != null).flatMap(r -> r.timeline().stream())
                .forEach(p -> bySecond.computeIfAbsent(Math.round((p.epochMs() - origin) / 1000.0),
                        k -> new ArrayList<>()).add(p));
        List<Report.TimePoint> out = new ArrayList<>();
        bySecond.forEach((second, points) -> {
            Map<String, String> hist = new LinkedHashMap<>();
            Report.Pcts[] pcts = new Report.Pcts[3];
            String[] keys = {"snapshotAge", "inputAck", "snapshotInterval"};
            for (int i = 0; i < keys.length; i++) {
                String key = keys[i];
                Histogram h = Histograms.sum(points.stream().filter(p -> p.histograms() != null)
                        .map(p -> Histograms.decode(p.histograms().get(key))).toList());
                hist.put(key, Histograms.encode(h));
                pcts[i] = h.getTotalCount() == 0 ? null : new Report.Pcts(h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
            }
            Report.TimePoint any = points.get(0);
            out.add(new Report.TimePoint(second, origin + second * 1000, points.stream().allMatch(Report.TimePoint::warmup),
                    points.stream().mapToInt(Report.TimePoint::players).sum(),
                    points.stream().mapToInt(Report.TimePoint::spectators).sum(),
                    points.stream().mapToDouble(Report.TimePoint::snapshotsPerSecond).sum(),
                    points.stream().mapToLong(Report.TimePoint::errors).sum(), pcts[0], pcts[1], pcts[2],
                    points.stream().mapToDouble(Report.TimePoint::botsCpuPercent).sum(), any.serverCpuPercent(),
                    any.serverHeapMb(), hist));
        });
        return out;
    }
}
