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
import io.skirmish.room.Room;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search against a real server whose capacity is known: the bots play in one private
 * room of {@value #SEATS} seats ({@code maxPlayers}), one of them the test's own host, so the knee
 * is {@value #CAP} players (the next is refused {@code ROOM_FULL}). Joins into one room are decided
 * one at a time by the room, so the knee is exact; the server's connection caps are not (their
 * check races concurrent handshakes). The latency thresholds are lifted far out of reach and the
 * snapshot-rate floor down to a tenth (a loaded 2-core machine must not move the knee), so the
 * seats are what the search must find, within its precision; and after every step, only the host's
 * seat may be left (a step's bots leave before the next step starts).
 */
class CapacitySearchIT {
    private static final int SEATS = 12;
    private static final int CAP = SEATS - 1;
    private static final int PRECISION = 2;

    @Test
    void findsAConnectionCapWithinAStep(@TempDir Path dir) throws Exception {
        // The default seat grace (20 s): a step's bots must leave their seats, not drop them, or the next
        // step meets ROOM_FULL below the knee (as it did while a run ended without waiting for its bots).
        ServerConfig sc = ServerConfig.defaults().withHost("127.0.0.1").withPort(0);
        List<String> lingering = new CopyOnWriteArrayList<>();
        try (SkirmishServer server = SkirmishServer.start(sc);
             RoomHost host = RoomHost.create("http://127.0.0.1:" + server.port(), SEATS)) {
            LoadConfig base = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withRoom(new RoomTarget.Code(host.code()))
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(3)).withWarmup(Duration.ofSeconds(1))
                    .withThresholds(new Thresholds(5_000, 5_000, new SnapshotRateFloor(0.1, false), 0));
            long started = System.nanoTime();

            CapacitySearch.Outcome o = CapacitySearch.search(new CapacitySearch.Settings(3, 16, 2, PRECISION, true),
                    n -> {
                        Report r = LoadRun.run(base.withBots(n), System.out::println).report();
                        // A run returns once its bots are gone: only the host's seat is left for the next step.
                        int seats = server.rooms().rooms().stream().mapToInt(Room::occupancy).sum();
                        if (seats != 1) {
                            lingering.add("after the step of " + n + ": " + seats + " seats taken, the host's included");
                        }
                        return r;
                    }, System.out::println);

            double seconds = (System.nanoTime() - started) / 1e9;
            Report.Capacity c = o.capacity();
            assertEquals(List.of(), lingering, "every step's bots left before the next step");
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
