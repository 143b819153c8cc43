// Snapshot encode cost and size, full JSON vs compact, on the same arena state (8 ships flying and
// firing at random, 30 Hz). Not a test: prints figures. Run from the repository root after a build:
//   mvn -q -pl game-server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   java -cp game-server/target/classes:$(cat /tmp/cp.txt) bench/SnapshotEncodeBench.java
// Wire sizes per snapshot include Socket.IO and WebSocket framing: the compact form as base64 text
// (what the server sends), as one Socket.IO binary attachment, and as a JSON array of the same numbers.
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.arena.ArenaGame;
import io.skirmish.arena.PlayerInput;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.snapshot.CompactGame;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.FrameEncoder;
import io.skirmish.snapshot.PlayerFacts;
import io.skirmish.snapshot.SnapshotText;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

public class SnapshotEncodeBench {
    static long tick;

    public static void main(String[] args) throws IOException {
        @SuppressWarnings("unchecked")
        Game<PlayerInput> game = (Game<PlayerInput>) ArenaGame.factory().create("arena");
        GameContext ctx = new GameContext() {
            public long currentTick() { return tick; }
            public int tickRate() { return 30; }
            public Phase phase() { return Phase.PLAYING; }
            public void emit(GameEvent e) { }
            public void emit(String t, JsonObject f) { }
            public void kick(int id, String r) { }
            public void endRound(JsonObject r) { }
            public void closeRoom(String r) { }
        };
        game.onCreate(ctx, 7);
        for (int id = 1; id <= 8; id++) game.onJoin(id, "bot" + id);
        PlayerFacts facts = new PlayerFacts() {
            public long lastAppliedSeq(int id) { return tick; }
            public boolean connected(int id) { return true; }
        };
        SplittableRandom rng = new SplittableRandom(3);
        double[][] move = new double[9][3];
        Frame prev = null;
        int n = 0;
        long jsonNanos = 0, compactNanos = 0, jsonBytes = 0, deltaBytes = 0, keyBytes = 0;
        long wireText = 0, wireBinary = 0, wireArray = 0, wireJson = 0;
        int total = 20_000, warm = 5_000;
        for (tick = 0; tick < total; tick++) {
            Map<Integer, List<PlayerInput>> inputs = new HashMap<>();
            for (int id = 1; id <= 8; id++) {
                if (tick % 15 == 0) move[id] = new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-3.2, 3.2)};
                inputs.put(id, List.of(new PlayerInput((int) tick + 1, move[id][0], move[id][1],
                        move[id][2] + rng.nextDouble(-0.08, 0.08), rng.nextInt(2) == 0)));
            }
            game.step(tick, inputs);
            long t0 = System.nanoTime();
            String json = json(game);
            long t1 = System.nanoTime();
            Frame.Body body = ((CompactGame) game).frameBody(facts);
            Frame f = new Frame(30, tick, 1_764_288_000_000L + tick * 33, 2, 1, 1_764_288_180_000L, body.ships(), body.shots());
            byte[] delta = prev == null ? FrameEncoder.keyframe(f) : FrameEncoder.delta(prev, f);
            String text = SnapshotText.json(delta);
            long t2 = System.nanoTime();
            prev = f;
            if (tick < warm) continue;
            n++;
            jsonNanos += t1 - t0;
            compactNanos += t2 - t1;
            jsonBytes += json.length();
            deltaBytes += delta.length;
            if (tick % 90 == 0) keyBytes += FrameEncoder.keyframe(f).length;
            wireJson += ws("42[\"snapshot\"," + json + "]");
            wireText += ws("42[\"s\"," + text + "]");
            wireBinary += ws("451-[\"s\",{\"_placeholder\":true,\"num\":0}]") + frame(delta.length);
            wireArray += ws("42[\"s\"," + intArray(delta) + "]");
        }
        System.out.printf("snapshots %d (8 ships flying and firing at random, 30 Hz)%n", n);
        System.out.printf("encode: full JSON %.1f us, compact delta (capture + encode + base64) %.1f us%n",
                jsonNanos / 1e3 / n, compactNanos / 1e3 / n);
        System.out.printf("size: full JSON %d B, compact delta %d B (keyframe %d B every 3 s)%n",
                jsonBytes / n, deltaBytes / n, keyBytes / Math.max(1, n / 90));
        System.out.printf("on the wire per snapshot (Socket.IO + WebSocket framing): full JSON %d B; compact as base64 text %d B, "
                + "as a binary attachment %d B, as a JSON array of numbers %d B%n", wireJson / n, wireText / n,
                wireBinary / n, wireArray / n);
        System.out.printf("at 30 Hz: full JSON %.1f kbps; base64 %.1f kbps; binary attachment %.1f kbps; JSON array %.1f kbps%n",
                wireJson * 30 * 8 / 1e3 / n, wireText * 30 * 8 / 1e3 / n, wireBinary * 30 * 8 / 1e3 / n, wireArray * 30 * 8 / 1e3 / n);
    }

    static String json(Game<?> game) throws IOException {
        StringWriter sw = new StringWriter(2048);
        JsonWriter out = new JsonWriter(sw);
        out.beginObject();
        out.name("tick").value(tick).name("time").value(1_764_288_000_000L).name("phase").value("playing").name("round").value(1)
                .name("phaseEndsAt").value(1_764_288_180_000L);
        game.writeSnapshot(new SnapshotWriter() {
            public JsonWriter json() { return out; }
            public void beginPlayer(int id) throws IOException {
                out.beginObject().name("id").value(id).name("seq").value(tick).name("c").value(1);
            }
            public void endPlayer() throws IOException { out.endObject(); }
        });
        out.endObject();
        out.close();
        return sw.toString();
    }

    /** A text frame from the server: payload plus its WebSocket header. */
    static int ws(String text) {
        return frame(text.length());
    }

    static int frame(int n) {
        return n + (n < 126 ? 2 : n < 65536 ? 4 : 10);
    }

    /** The same varints as a JSON array of numbers (zigzag values as they are). */
    static String intArray(byte[] b) {
        StringBuilder sb = new StringBuilder("[");
        long v = 0;
        int shift = 0;
        for (byte x : b) {
            v |= (long) (x & 0x7f) << shift;
            shift += 7;
            if ((x & 0x80) == 0) {
                if (sb.length() > 1) sb.append(',');
                sb.append(v);
                v = 0;
                shift = 0;
            }
        }
        return sb.append(']').toString();
    }
}
