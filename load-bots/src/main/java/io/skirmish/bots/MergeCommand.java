package io.skirmish.bots;

import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.processes.Processes;
import io.skirmish.bots.report.HtmlReport;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportMerge;
import io.skirmish.bots.stats.ReportTable;
import io.skirmish.bots.stats.VerdictRules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load-bots merge a.json b.json ...}: the shards' reports ({@code --shard i/N --out}) as one, judged. */
@Command(name = "merge", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Combines the JSON reports of the shards of one run (--shard i/N --out FILE) into one: "
                + "their HdrHistograms are added, so the percentiles are those of the whole run.",
                "Judged with the thresholds the shards ran with. Exit code: 0 PASS, 1 FAIL, 2 usage error."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "The shards' JSON reports.")
    private List<Path> reports = new ArrayList<>();

    @Option(names = "--out", description = "Write the merged JSON report here.")
    private Path out;

    @Option(names = "--html", description = "Write the merged report as an HTML page here.")
    private Path html;

    @Override
    public Integer call() throws Exception {
        List<Report> parts = new ArrayList<>();
        for (Path p : reports) {
            try {
                parts.add(Processes.read(p));
            } catch (java.io.IOException | RuntimeException e) {
                throw new ParameterException(spec.commandLine(), p + ": not a load-bots report (" + e.getMessage() + ")");
            }
        }
        Report merged;
        try {
            merged = ReportMerge.merge(parts);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Report.Limits l = merged.setup().thresholds();
        merged = merged.withVerdict(VerdictRules.judge(merged, new Thresholds(l.maxP99AgeMs(), l.maxP99InputMs(),
                SnapshotRateFloor.parse(l.minSnapshotRate()), l.maxErrors())));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ReportTable.render(merged));
        stdout.flush();
        if (out != null) {
            Files.writeString(out, Json.pretty(merged) + "\n", StandardCharsets.UTF_8);
        }
        if (html != null) {
            HtmlReport.write(merged, html);
        }
        return merged.verdict().exitCode();
    }
}
