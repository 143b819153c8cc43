package io.skirmish.bots.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigParsingTest {

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("10 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("s"));
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
    }

    @Test
    void rampOverADurationSpreadsBotsEvenly() {
        Ramp ramp = Ramp.parse("10s");
        assertEquals(Duration.ZERO, ramp.offsetOf(0, 100));
        assertEquals(Duration.ofSeconds(5), ramp.offsetOf(50, 100));
        assertEquals(Duration.ZERO, Ramp.parse("0").offsetOf(99, 100));
    }

    @Test
    void rampAtARate() {
        assertEquals(Duration.ofMillis(500), Ramp.parse("50/s").offsetOf(25, 1000));
        assertEquals(Duration.ofSeconds(2), Ramp.parse("30/m").offsetOf(1, 10));
        assertThrows(IllegalArgumentException.class, () -> Ramp.parse("0/s"));
        assertThrows(IllegalArgumentException.class, () -> Ramp.parse("50/h"));
        assertThrows(IllegalArgumentException.class, () -> Ramp.parse("x/s"));
    }

    @Test
    void roomTargets() {
        assertEquals(new RoomTarget.Quick(), RoomTarget.parse("quick"));
        assertEquals(new RoomTarget.Create(), RoomTarget.parse("NEW"));
        assertEquals(new RoomTarget.Code("H7KQP"), RoomTarget.parse("h7kqp"));
        assertThrows(IllegalArgumentException.class, () -> RoomTarget.parse("H7KQ")); // too short
        assertThrows(IllegalArgumentException.class, () -> RoomTarget.parse("H7KQ0")); // 0 is not in the alphabet
    }

    @Test
    void snapshotRateFloorIsAFractionOfTheAdvertisedRateOrAbsolute() {
        assertEquals(27, SnapshotRateFloor.parse("0.9").floorHz(30), 1e-9);
        assertEquals(27, SnapshotRateFloor.parse("90%").floorHz(30), 1e-9);
        assertEquals(25, SnapshotRateFloor.parse("25Hz").floorHz(30), 1e-9);
        assertEquals(25, SnapshotRateFloor.parse("25 hz").floorHz(60), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SnapshotRateFloor.parse("27")); // Hz or fraction?
        assertThrows(IllegalArgumentException.class, () -> SnapshotRateFloor.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> SnapshotRateFloor.parse("fast"));
    }

    private static final LoadConfig OK = LoadConfig.defaults(java.net.URI.create("http://127.0.0.1:3000"));

    private static LoadConfig config(String url, int bots, int spectators, Duration warmup, RoomTarget room, String pw) {
        return new LoadConfig(java.net.URI.create(url), bots, spectators, OK.ramp(), OK.duration(), warmup, room,
                OK.behaviour(), 1, pw, OK.thresholds(), Shard.WHOLE, null);
    }

    @Test
    void loadConfigRefusesWhatCannotWork() {
        String url = "http://127.0.0.1:3000";
        assertTrue(OK.room() instanceof RoomTarget.Quick);
        assertThrows(IllegalArgumentException.class, () -> OK.withBots(0));
        assertThrows(IllegalArgumentException.class, () -> OK.withDuration(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> config(url, 4, 1, Duration.ZERO, new RoomTarget.Quick(), null));
        assertThrows(IllegalArgumentException.class, () -> config(url, 17, 0, Duration.ZERO, new RoomTarget.Create(), null));
        assertThrows(IllegalArgumentException.class, () -> config("ws://h:1", 4, 0, Duration.ZERO, new RoomTarget.Quick(), null));
        assertThrows(IllegalArgumentException.class, () -> config(url, 4, 0, OK.duration(), new RoomTarget.Quick(), null));
        assertFalse(config(url, 0, 3, Duration.ofSeconds(5), new RoomTarget.Code("H7KQP"), "pw").room() instanceof RoomTarget.Quick);
        assertThrows(IllegalArgumentException.class, () -> new LoadConfig(java.net.URI.create(url), 4, 0, OK.ramp(),
                OK.duration(), Duration.ZERO, new RoomTarget.Quick(), "dance", 1, null, OK.thresholds(), Shard.WHOLE, null));
        assertThrows(IllegalArgumentException.class, () -> new Shard(3, 2));
    }

    @Test
    void defaultWarmupIsFiveSecondsAtMostHalfTheRun() {
        assertEquals(Duration.ofSeconds(5), LoadConfig.defaultWarmup(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(5), LoadConfig.defaultWarmup(Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(3), LoadConfig.defaultWarmup(Duration.ofSeconds(6)));
        assertEquals(Duration.ofSeconds(5), OK.warmup());
        assertEquals(Duration.ofSeconds(2), OK.withDuration(Duration.ofSeconds(4)).warmup()); // 5 s would not fit
    }

    @Test
    void shardsPartitionTheBots() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            total += new Shard(i, 3).share(0, 10);
        }
        assertEquals(10, total);
        assertEquals(4, new Shard(1, 3).share(0, 10)); // 0, 3, 6, 9
        assertTrue(new Shard(2, 3).owns(4));
        assertFalse(new Shard(2, 3).owns(5));
        assertThrows(IllegalArgumentException.class, () -> new LoadConfig(java.net.URI.create("http://127.0.0.1:1"),
                4, 0, OK.ramp(), OK.duration(), Duration.ZERO, new RoomTarget.Create(), "fight", 1, null,
                OK.thresholds(), new Shard(1, 2), null));
    }
}
