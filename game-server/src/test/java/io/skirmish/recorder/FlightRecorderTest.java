package io.skirmish.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.Game;
import io.skirmish.game.GameFactory;
import io.skirmish.arena.PlayerInput;
import io.skirmish.room.Room;
import io.skirmish.room.RoomConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rooms on a manual clock, recorded, replayed: hashes match, a changed input is found, a failure is reproduced. */
class FlightRecorderTest {
    @TempDir
    Path dir;

    private ManualRooms rooms(GameFactory games) {
        return new ManualRooms(RoomConfig.defaults(), games, new Recorders(RecorderConfig.defaults().withDir(dir)));
    }

    /** Four bots fight for a minute of game time (one leaves and another joins halfway). */
    private Room playAMinute(ManualRooms r) {
        List<ManualRooms.Bot> bots = new ArrayList<>();
        for (int i = 0; i < 4; i++) bots.add(r.new Bot(i).join("bot" + i));
        for (int t = 0; t < 60 * 30; t++) {
            if (t == 900) {
                r.await(bots.remove(0).m.leave());
                bots.add(r.new Bot(99).join("late"));
            }
            bots.forEach(ManualRooms.Bot::input);
            r.tick();
        }
        return r.rooms.get(0);
    }

    @Test
    void aRoomPlayedByBotsReplaysWithEveryHashMatching() throws Exception {
        ManualRooms r = rooms(ArenaGame.factory());
        Room room = playAMinute(r);
        Recording rec = r.recording(room);
        assertEquals("arena", rec.records().stream().filter(x -> x instanceof Rec.Create).map(x -> ((Rec.Create) x).game())
                .findFirst().orElseThrow());
        assertTrue(rec.records().stream().anyMatch(x -> x instanceof Rec.Join j && j.name().equals("late")));

        Replayer.Result result = new Replayer(g -> ArenaGame.factory()).replay(rec);

        assertEquals(Replayer.Outcome.MATCH, result.outcome(), result.detail());
        assertTrue(result.hashesChecked() >= 59, "hashes checked: " + result.hashesChecked());
        assertTrue(result.ticks() >= 1800, "ticks: " + result.ticks());
    }

    @Test
    void aTagRoomReplaysToo() throws Exception {
        ManualRooms r = new ManualRooms(RoomConfig.defaults(), io.skirmish.tag.TagGame.TYPE.factory(),
                io.skirmish.tag.TagGame.TYPE.maps(), new Recorders(RecorderConfig.defaults().withDir(dir)));
        Recording rec = r.recording(playAMinute(r));
        assertTrue(rec.records().stream().anyMatch(x -> x instanceof Rec.Step s && !s.inputs().isEmpty()));

        Replayer.Result result = new Replayer(g -> io.skirmish.tag.TagGame.TYPE.factory()).replay(rec);

        assertEquals(Replayer.Outcome.MATCH, result.outcome(), result.detail());
        assertTrue(result.hashesChecked() >= 59, "hashes checked: " + result.hashesChecked());
    }

    @Test
    void aRingThatNoLongerHoldsTheCreationReplaysFromACheckpoint() throws Exception {
        ManualRooms r = new ManualRooms(RoomConfig.defaults(), ArenaGame.factory(), new Recorders(RecorderConfig.defaults()
                .withDir(dir).withWindow(java.time.Duration.ofSeconds(20)).withCheckpointEvery(java.time.Duration.ofSeconds(5))));
        Recording rec = r.recording(playAMinute(r));
        assertTrue(rec.records().get(0) instanceof Rec.Checkpoint, "starts from a checkpoint: " + rec.records().get(0));
        assertTrue(rec.records().get(0).tick() >= 30 * 30, "the first half minute was dropped");

        Replayer.Result result = new Replayer(g -> ArenaGame.factory()).replay(rec);

        assertEquals(Replayer.Outcome.MATCH, result.outcome(), result.detail());
        assertTrue(result.hashesChecked() >= 20, "hashes checked: " + result.hashesChecked());
    }

    @Test
    void changingOneRecordedInputMakesTheReplayReportTheFirstMismatchingTick() throws Exception {
        ManualRooms r = rooms(ArenaGame.factory());
        Recording rec = r.recording(playAMinute(r));
        // The first applied input from tick 1000 on, turned around.
        int index = -1;
        for (int i = 0; i < rec.records().size(); i++) {
            if (rec.records().get(i) instanceof Rec.Step s && s.tick() >= 1000 && !s.inputs().isEmpty()) {
                index = i;
                break;
            }
        }
        Rec.Step step = (Rec.Step) rec.records().get(index);
        Map<Integer, List<Object>> changed = new LinkedHashMap<>(step.inputs());
        Map.Entry<Integer, List<Object>> e = changed.entrySet().iterator().next();
        List<Object> list = new ArrayList<>(e.getValue());
        PlayerInput in = (PlayerInput) list.get(0);
        list.set(0, new PlayerInput(in.seq(), -in.moveX(), -in.moveY(), in.aim(), in.fire()));
        changed.put(e.getKey(), list);
        Recording tampered = Recording.read(new java.io.ByteArrayInputStream(
                rec.with(index, new Rec.Step(step.tick(), step.phase(), changed)).toBytes()));

        Replayer.Result result = new Replayer(g -> ArenaGame.factory()).replay(tampered);

        assertEquals(Replayer.Outcome.MISMATCH, result.outcome());
        // Hashes are recorded after the last tick of each second: the first one after the change.
        long expected = (step.tick() / 30) * 30 + 29;
        assertEquals(expected, result.mismatchTick(), result.detail());
        assertTrue(result.detail().contains("tick " + expected), result.detail());
    }

    /** The arena, except that its step throws at tick 700. */
    static GameFactory throwingAt(long failTick) {
        GameFactory arena = ArenaGame.factory();
        return new GameFactory() {
            @Override
            public Game create(String mapId) {
                Game<?> g = arena.create(mapId);
                return (Game<?>) java.lang.reflect.Proxy.newProxyInstance(Game.class.getClassLoader(),
                        new Class<?>[] {Game.class}, (proxy, method, args) -> {
                            if (method.getName().equals("step") && (long) args[0] == failTick) {
                                throw new IllegalStateException("boom at " + failTick);
                            }
                            try {
                                return method.invoke(g, args);
                            } catch (java.lang.reflect.InvocationTargetException x) {
                                throw x.getCause();
                            }
                        });
            }
        };
    }

    @Test
    void aRoomMadeToThrowWritesAFileAndTheReplayReachesTheSameExceptionAtTheSameTick() throws Exception {
        ManualRooms r = rooms(throwingAt(700));
        List<ManualRooms.Bot> bots = new ArrayList<>();
        for (int i = 0; i < 3; i++) bots.add(r.new Bot(i).join("bot" + i));
        Room room = r.rooms.get(0);
        while (!room.isClosed()) {
            bots.forEach(ManualRooms.Bot::input);
            r.tick();
        }
        r.recorders.close(); // waits for the file
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "one recording written: " + files);
        assertTrue(files.get(0).getFileName().toString().startsWith("room-" + room.id()));
        Recording rec = Recording.read(files.get(0));
        assertTrue(rec.records().get(rec.records().size() - 1) instanceof Rec.Failure f && f.tick() == 700);

        Replayer.Result result = new Replayer(g -> throwingAt(700)).replay(rec);

        assertEquals(Replayer.Outcome.FAILURE_REPRODUCED, result.outcome(), result.detail());
        assertEquals(700, result.lastTick());
        assertTrue(result.detail().contains("boom at 700"), result.detail());
        // The arena without the fault does not fail there: the replay says so.
        assertEquals(Replayer.Outcome.MISMATCH, new Replayer(g -> ArenaGame.factory()).replay(rec).outcome());
    }
    @Test
    void aRoomWhoseOwnTickMachineryThrowsWritesAFileWithTheExceptionAndTheReplayReachesIt() throws Exception {
        // The room's metrics (called by the room after the game's step, outside the game) throw on the 700th tick.
        int[] ticks = {0};
        io.skirmish.room.RoomMetrics failing = new io.skirmish.room.RoomMetrics() {
            @Override
            public void roomTick(String roomId, long nanos) {
                if (++ticks[0] == 700) throw new UnsupportedOperationException("metrics broke on tick 699");
            }
        };
        ManualRooms r = new ManualRooms(RoomConfig.defaults(), ArenaGame.factory(), ArenaGame.TYPE.maps(),
                new Recorders(RecorderConfig.defaults().withDir(dir)), failing);
        List<ManualRooms.Bot> bots = new ArrayList<>();
        for (int i = 0; i < 3; i++) bots.add(r.new Bot(i).join("bot" + i));
        Room room = r.rooms.get(0);
        while (!room.isClosed()) {
            bots.forEach(ManualRooms.Bot::input);
            r.tick();
        }
        r.recorders.close(); // waits for the file
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "one recording written: " + files);
        Recording rec = Recording.read(files.get(0));
        Rec last = rec.records().get(rec.records().size() - 1);
        // The room's tick 699 stepped the game, then counted itself (tick 700 by then) and threw.
        assertTrue(last instanceof Rec.Failure, "ends with the failure: " + last);
        Rec.Failure f = (Rec.Failure) last;
        assertEquals(700, f.tick());
        assertEquals(false, f.inGame());
        assertEquals(UnsupportedOperationException.class.getName(), f.type());
        assertEquals("metrics broke on tick 699", f.message());
        assertTrue(f.stack().contains("Room.tick"), f.stack());
        long lastStep = rec.records().stream().filter(x -> x instanceof Rec.Step).mapToLong(Rec::tick).max().orElseThrow();
        assertEquals(699, lastStep);

        ReplayTimeline timeline = new ReplayTimeline(rec, g -> ArenaGame.factory());
        Replayer.Result result = timeline.result();

        assertEquals(Replayer.Outcome.FAILURE_REACHED, result.outcome(), result.detail());
        assertTrue(result.ok());
        assertEquals(700, result.lastTick());
        assertTrue(result.hashesChecked() >= 23, "hashes checked: " + result.hashesChecked());
        assertTrue(result.detail().contains("metrics broke on tick 699"), result.detail());
        // What the viewer shows at the end: the exception, with its stack.
        assertEquals("metrics broke on tick 699", timeline.info().getAsJsonObject("failure").get("message").getAsString());
    }
}
