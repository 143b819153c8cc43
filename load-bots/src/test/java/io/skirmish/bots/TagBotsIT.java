package io.skirmish.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.harness.RunResult;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportTable;
import io.skirmish.room.Room;
import io.skirmish.room.RoomObserver;
import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Fifty load bots play Tag, the second game, on a real server: bounded to a few seconds. */
class TagBotsIT {
    @Test
    void fiftyBotsPlayTag() throws Exception {
        try (SkirmishServer server = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0))) {
            Set<String> games = ConcurrentHashMap.newKeySet();
            AtomicLong applied = new AtomicLong();
            server.rooms().observe(new RoomObserver() {
                @Override
                public void gameStarted(Room room, long tick, String game, String map, long seed) {
                    games.add(game);
                }

                @Override
                public void inputs(Room room, long tick, Map<Integer, List<Object>> in) {
                    in.values().forEach(l -> applied.addAndGet(l.size()));
                }
            });
            double tickMs = 1000.0 / 30;
            LoadConfig config = LoadConfig.defaults(URI.create("http://127.0.0.1:" + server.port()))
                    .withGame("tag")
                    .withBots(50)
                    .withRamp(new Ramp.Rate(50))
                    .withDuration(Duration.ofSeconds(8))
                    .withWarmup(Duration.ofSeconds(3))
                    .withThresholds(new Thresholds(10 * tickMs, 15 * tickMs, new SnapshotRateFloor(0.9, false), 0));

            RunResult result = LoadRun.run(config, System.out::println);
            Report report = result.report();
            System.out.print(ReportTable.render(report));

            assertEquals(Set.of("tag"), games, "every room the bots made plays tag");
            assertEquals(50, report.players().joined(), () -> "errors: " + report.errors().byKind());
            assertEquals(0, report.errors().total(), () -> "errors: " + report.errors().byKind());
            assertTrue(report.players().inputAckMs().count() > 0, "tag decoded and applied the bots' inputs");
            assertTrue(applied.get() > 50L * 30, "inputs applied: " + applied.get());
            assertEquals(7, report.rooms().size(), "50 quick-play bots in tag rooms of 8");
            assertTrue(server.rooms().publicRooms().stream().allMatch(r -> r.game().equals("tag")));
        }
    }
}
