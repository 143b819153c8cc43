package io.skirmish.bots.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.report.Chromium;
import io.skirmish.bots.report.HtmlReport;
import io.skirmish.bots.stats.Report;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search against a real server whose capacity is known: the bots play in one private
 * room of {@value #SEATS} seats ({@code maxPlayers}), one of them the test's own host, so the knee
 * is {@value #CAP} players (the next is refused {@code ROOM_FULL}). Joins into one room are decided
 * one at a time by the room, so the knee is exact; the server's connection caps are not (their
 * check races concurrent handshakes). The latency thresholds are lifted far out of reach (a
 * loaded 2-core machine must not move the knee), so the seats are what the search must find,
 * within its precision.
 */
class CapacitySearchIT {
    private static final int SEATS = 12;
    private static final int CAP = SEATS - 1;
    private static final int PRECISION = 2;

    @Test
    @org.junit.jupiter.api.Disabled("stops at 7 of a known knee of 11 on an idle machine: seats of a step's departed bots are still taken "
            + "when the next step joins (ROOM_FULL below the knee); issue 16 stays open on it")
    void findsAConnectionCapWithinAStep(@TempDir Path dir) throws Exception {
        // No seat grace: a step's bots that drop instead of leaving must not hold seats into the next step
        // (with the default 20 s grace, a step below the knee met ROOM_FULL and the search stopped early).
        ServerConfig base0 = ServerConfig.defaults().withHost("127.0.0.1").withPort(0);
        ServerConfig sc = base0.withRooms(base0.rooms().withSeatGrace(Duration.ZERO));
        try (SkirmishServer server = SkirmishServer.start(sc);
             RoomHost host = RoomHost.create("http://127.0.0.1:" + server.port(), SEATS)) {
            LoadConfig base = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withRoom(new RoomTarget.Code(host.code()))
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(3)).withWarmup(Duration.ofSeconds(1))
                    .withThresholds(new Thresholds(5_000, 5_000, new SnapshotRateFloor(0.5, false), 0));
            long started = System.nanoTime();

            CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(3, 16, 2, PRECISION, true),
                    n -> LoadRun.run(base.withBots(n), line -> { }).report(), System.out::println);

            double seconds = (System.nanoTime() - started) / 1e9;
            Report.Capacity c = o.capacity();
            assertTrue(seconds < 90, "bounded in time: " + seconds + " s");
            System.out.println("capacity " + c.players() + " (" + c.limitedBy() + "): " + c.reason() + " in "
                    + Math.round(seconds) + " s");
            assertTrue(c.players() <= CAP && CAP - c.players() <= PRECISION, "found " + c.players() + ", knee " + CAP);
            assertEquals("joins", c.limitedBy());
            assertTrue(c.reason().contains("ROOM_FULL"), c.reason());
            Report.Step top = c.steps().stream().filter(Report.Step::pass)
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(c.players(), top.players());
            assertNotNull(top.serverCpuPercent(), "the server's /metrics was read");
            assertNotNull(top.serverHeapMb());

            // The page of the search shows the curve with the knee, in a real browser.
            Path html = dir.resolve("cap.html");
            HtmlReport.write(o.report().withCapacity(c), html);
            Chromium.Page page = Chromium.open(html);
            assertEquals(List.of(), page.console());
            assertEquals("", page.bodyData("errors"));
            assertTrue(Integer.parseInt(page.bodyData("charts")) >= 9, page.bodyData("charts"));
            assertTrue(page.dom().contains("Capacity: "));
        }
    }
}
