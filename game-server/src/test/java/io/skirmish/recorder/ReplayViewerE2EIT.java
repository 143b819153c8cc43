package io.skirmish.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.GameFactory;
import io.skirmish.it.NodeScript;
import io.skirmish.room.Room;
import io.skirmish.room.RoomConfig;
import io.skirmish.tag.TagGame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay viewer in Chromium ({@code game-client-js/e2e/replay.e2e.mjs}) on recorded files: it
 * plays, pauses, steps, scrubs; for a room whose tick threw it stops at that tick and shows the
 * exception. The recordings are made by rooms on a manual clock; the viewer is the real server of
 * {@code replay --serve}.
 */
class ReplayViewerE2EIT {
    @TempDir
    Path dir;

    private Recording play(GameFactory games, int ticks) throws Exception {
        return play(new ManualRooms(RoomConfig.defaults(), games, new Recorders(RecorderConfig.defaults().withDir(dir))), ticks);
    }

    private Recording play(ManualRooms r, int ticks) throws Exception {
        List<ManualRooms.Bot> bots = new ArrayList<>();
        for (int i = 0; i < 4; i++) bots.add(r.new Bot(i).join("bot" + i));
        Room room = r.rooms.get(0);
        for (int t = 0; t < ticks && !room.isClosed(); t++) {
            bots.forEach(ManualRooms.Bot::input);
            r.tick();
        }
        if (room.isClosed()) {
            r.recorders.close();
            try (var files = Files.list(dir)) {
                return Recording.read(files.findFirst().orElseThrow());
            }
        }
        return r.recording(room);
    }

    private static void view(Recording rec, GameFactory games, String out, String... more) throws Exception {
        ReplayTimeline timeline = new ReplayTimeline(rec, id -> games);
        try (ReplayServer server = new ReplayServer(timeline, "127.0.0.1", 0).start()) {
            List<String> args = new ArrayList<>(List.of("--url", "http://127.0.0.1:" + server.port(), "--out",
                    Path.of("target", "e2e", out).toAbsolutePath().toString()));
            args.addAll(List.of(more));
            String output = NodeScript.run("e2e/replay.e2e.mjs", args.toArray(String[]::new));
            assertTrue(output.contains("PASS replay e2e"), output);
        }
    }

    @Test
    void theViewerPlaysPausesStepsAndScrubsARecording() throws Exception {
        Recording rec = play(ArenaGame.factory(), 20 * 30);
        view(rec, ArenaGame.factory(), "replay");
    }

    @Test
    void theViewerDrawsATagRoomWithTagsRenderer() throws Exception {
        GameFactory tag = TagGame.TYPE.factory();
        Recording rec = play(new ManualRooms(RoomConfig.defaults(), "tag", tag, TagGame.TYPE.maps(),
                new Recorders(RecorderConfig.defaults().withDir(dir)), io.skirmish.room.RoomMetrics.NONE), 20 * 30);
        assertEquals("tag", rec.game());
        view(rec, tag, "replay-tag", "--game", "tag");
    }

    @Test
    void forAFailedRoomTheViewerStopsAtTheFailingTickAndShowsTheException() throws Exception {
        GameFactory failing = FlightRecorderTest.throwingAt(400);
        Recording rec = play(failing, 2000);
        ReplayTimeline timeline = new ReplayTimeline(rec, id -> failing);
        assertEquals(Replayer.Outcome.FAILURE_REPRODUCED, timeline.result().outcome());
        assertEquals("failure", rec.header().get("reason").getAsString());
        view(rec, failing, "replay-failed", "--failed");
    }
}
