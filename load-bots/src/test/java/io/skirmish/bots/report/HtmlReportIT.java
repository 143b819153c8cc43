package io.skirmish.bots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Latency;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in a real Chromium: it draws every chart, with no console message and nothing fetched. */
class HtmlReportIT {
    private static final Latency L = new Latency(1000, 20, 15, 40, 80, 95, 120);

    static Report capacityReport() {
        List<Report.TimePoint> timeline = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            Report.Pcts p = new Report.Pcts(10 + t, 40 + 2 * t, 60 + 3 * t);
            timeline.add(new Report.TimePoint(t, 1_700_000_000_000L + t * 1000L, t <= 6, Math.min(40, t * 8), 0,
                    t * 100.0, t / 5, p, p, p, 60, t % 3 == 0 ? null : 40.0 + t, 100.0 + t, Map.of()));
        }
        List<Report.Step> steps = List.of(
                new Report.Step(25, true, List.of(), List.of(), 20, 90, 40, 29.5, 50, 3, false, 30.0, 110.0, 0, 1.5, 2),
                new Report.Step(50, true, List.of(), List.of(), 30, 110, 45, 29.1, 90, 5, false, 55.0, 130.0, 0, 1.5, 2),
                new Report.Step(100, false, List.of("input-ack p99 180.0 ms > 150.0 ms </script><b>"),
                        List.of("input-ack"), 60, 180, 60, 28.0, 150, 20, false, 95.0, 150.0, 0, 1.5, 2),
                new Report.Step(75, true, List.of(), List.of(), 40, 140, 50, 29.0, 120, 9, false, 75.0, 140.0, 0, 1.5, 2));
        Report.RoleReport players = new Report.RoleReport(75, 75, 20000, L, L, L, L, L, new Report.Spread(29, 30, 31),
                750, new Report.PerBotSecond(33000, 1500, 27, 20), 0, 0, 0);
        List<Report.RoomReport> rooms = List.of(
                new Report.RoomReport("ABCDE", 8, L, L, 29.5, "", ""),
                new Report.RoomReport("FGHJK", 8, L, L, 29.9, "", ""));
        List<BotSummary> slowest = List.of(new BotSummary(3, "bot-3", Role.PLAYER, "ABCDE", true, 290, 10, 10, 29,
                1, 1, 1, 1, 0, 0, 0));
        Report r = new Report("2026-12-02T00:00:00Z", 20, new Report.Setup("http://127.0.0.1:3000", 75, 0, "50.0/s",
                "20s", "5s", "quick", "fight", 1, new Report.Limits(100, 150, "90.0%", 0)), 30, 30, players, null,
                new Report.Warmup("5s", L, L, L, Report.Errors.of(Map.of())), new Report.Errors(1, Map.of("disconnect: <i>x</i>", 1L)),
                new Report.Generator(120, 2, 300, 150, 200, L, L, 1.5), new Report.ServerSide(75, 90, 140, 40, 75), slowest,
                rooms, timeline, Map.of(), null,
                new Report.Capacity(75, "input-ack", "at 100 players: input-ack p99 180.0 ms > 150.0 ms", steps),
                new Verdict(true, List.of(), List.of(), List.of()));
        return r;
    }

    @Test
    void theCapacityPageDrawsEveryChartWithoutErrors(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("cap.html");
        HtmlReport.write(capacityReport(), html);
        String page = Files.readString(html);
        assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "the page fetches nothing");
        assertEquals(0, count(page, "</script><b>"), "report text cannot close the data's script element");

        Chromium.Page shown = Chromium.open(html);

        assertEquals(List.of(), shown.console(), "console messages");
        assertEquals("", shown.bodyData("errors"));
        // 3 capacity charts (p99 vs players with the knee, CPU, memory), 6 over time, 1 per room.
        assertEquals("10", shown.bodyData("charts"));
        assertTrue(shown.count("<canvas") >= 10, "uPlot drew on canvases");
        assertTrue(shown.dom().contains("Capacity: "), "the capacity figure is on the page");
        assertTrue(shown.dom().contains("limited by input-ack"));
        assertTrue(shown.dom().contains("bot-3"), "the slowest players");
        assertTrue(shown.dom().contains("FGHJK"), "the per-room table");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
