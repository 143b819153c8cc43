package io.skirmish.bots.harness;

import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Report;
import java.util.List;

/**
 * The outcome of a {@link LoadRun}.
 *
 * @param report the judged report (what {@code --out} writes)
 * @param bots every bot's own figures, players first, by index
 */
public record RunResult(Report report, List<BotSummary> bots) {
    public RunResult {
        bots = List.copyOf(bots);
    }
}
