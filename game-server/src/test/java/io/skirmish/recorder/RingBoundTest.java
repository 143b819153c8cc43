package io.skirmish.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameFactory;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.room.Room;
import io.skirmish.room.RoomConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Over a long run on a manual clock the ring keeps its window, never grows past its bound, and still replays. */
class RingBoundTest {

    /** One input of {@link SumGame}. */
    record SumInput(int seq, double moveX) {}

    /** A small game whose whole state is a running sum of each player's inputs. */
    static final class SumGame implements Game<SumInput> {
        final TreeMap<Integer, Long> sums = new TreeMap<>();

        @Override
        public void onCreate(GameContext ctx, long seed) {
        }

        @Override
        public InputDecoder<SumInput> inputDecoder() {
            return (seq, f) -> new SumInput(seq, f.number("moveX", -1, 1));
        }

        @Override
        public void onJoin(int playerId, String name) {
            sums.put(playerId, 0L);
        }

        @Override
        public void onLeave(int playerId) {
            sums.remove(playerId);
        }

        @Override
        public void onRoundStart(int round, long endsAtMillis) {
        }

        @Override
        public void onRoundEnd(int round) {
        }

        @Override
        public void step(long tick, Map<Integer, List<SumInput>> inputs) {
            inputs.forEach((id, list) -> list.forEach(in -> sums.merge(id, Math.round(in.moveX() * 1000), Long::sum)));
        }

        @Override
        public void writeSnapshot(SnapshotWriter out) throws java.io.IOException {
            out.json().name("sums").value(sums.toString());
        }

        @Override
        public JsonObject describe() {
            return new JsonObject();
        }

        @Override
        public JsonObject save() {
            JsonObject o = new JsonObject();
            sums.forEach((k, v) -> o.addProperty(String.valueOf(k), v));
            return o;
        }

        @Override
        public void restore(JsonObject state) {
            sums.clear();
            state.entrySet().forEach(e -> sums.put(Integer.parseInt(e.getKey()), e.getValue().getAsLong()));
        }

        @Override
        public long stateHash() {
            return sums.hashCode() * 31L + sums.size();
        }
    }

    @Test
    void theRingStaysWithinItsBoundOverALongRun() throws Exception {
        RecorderConfig cfg = RecorderConfig.defaults().withDir(null).withWindow(Duration.ofSeconds(20))
                .withCheckpointEvery(Duration.ofSeconds(5)).withMaxBytesPerRoom(1 << 20);
        Recorders recorders = new Recorders(cfg);
        GameFactory sums = map -> new SumGame();
        ManualRooms r = new ManualRooms(RoomConfig.defaults(), sums, List.of("sums"), recorders);
        List<ManualRooms.Bot> bots = new ArrayList<>();
        for (int i = 0; i < 8; i++) bots.add(r.new Bot(i).join("bot" + i));
        Room room = r.rooms.get(0);
        FlightRecorder rec = recorders.of(room).orElseThrow();
        long maxBytes = 0;
        long maxSpan = 0;
        int seconds = 10 * 60; // ten minutes of game time: thirty windows
        for (int s = 0; s < seconds; s++) {
            for (int t = 0; t < 30; t++) {
                bots.forEach(ManualRooms.Bot::input);
                r.tick();
            }
            maxBytes = Math.max(maxBytes, rec.bytes());
            long[] span = rec.span();
            maxSpan = Math.max(maxSpan, span[1] - span[0] + 1);
            if (s > 60) {
                assertTrue(span[1] - span[0] + 1 >= 20 * 30, "the ring covers at least the window at second " + s);
            }
        }
        // At most the window plus one checkpoint interval plus the open second.
        assertTrue(maxSpan <= (20 + 5 + 1) * 30, "span " + maxSpan + " ticks");
        // Eight players' inputs: a few KB a second compressed, so about 26 s of it, far below the 1 MiB cap.
        assertTrue(maxBytes < 400_000, "ring bytes " + maxBytes);
        assertEquals(recorders.bytes(), rec.bytes() - openBytes(rec), "the ring is what /metrics counts");

        Recording recording = r.recording(room);
        assertTrue(recording.records().get(0) instanceof Rec.Checkpoint, "starts from a checkpoint");
        Replayer.Result result = new Replayer(g -> sums).replay(recording);
        assertEquals(Replayer.Outcome.MATCH, result.outcome(), result.detail());
        assertTrue(result.hashesChecked() >= 20);
    }

    private static long openBytes(FlightRecorder rec) {
        // bytes() includes the open (not yet sealed) chunk; the stats count sealed chunks only.
        return rec.bytes() - rec.sealedBytes();
    }
}
