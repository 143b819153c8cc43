package io.skirmish.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.arena.ArenaGame;
import io.skirmish.arena.PlayerInput;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Writes the compact snapshot golden vectors ({@code game-client-js/test/golden/snapshots.json}) that the
 * browser client's decoder and the load bots' decoder are tested against, and checks that the committed
 * file is what the server's encoder writes now. A real arena plays them: ships fly, fire, hit, die,
 * respawn, join and leave; every frame comes as a keyframe and as a delta on the one before (plus, now
 * and then, a delta that skips frames the way a snapshot divisor does). After a deliberate change, run
 * {@code mvn -pl game-server test -Dtest=SnapshotGoldenTest -Dgolden.update=true}.
 */
class SnapshotGoldenTest {
    static final Path FILE = Path.of("..", "game-client-js", "test", "golden", "snapshots.json");
    static final int SPECTATOR_FRAMES = 40;
    static final long SPECTATOR_DELAY_MS = 2000;

    @Test
    void committedGoldenVectorsMatchTheEncoder() throws IOException {
        String expected = new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(generate()) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        if (!Files.exists(FILE)) {
            fail("missing " + FILE + "; run with -Dgolden.update=true to write it");
        }
        JsonElement committed = JsonParser.parseString(Files.readString(FILE, StandardCharsets.UTF_8));
        assertEquals(JsonParser.parseString(expected), committed,
                "snapshots.json differs from the encoder; if the change is deliberate, run with -Dgolden.update=true "
                        + "and update the JavaScript and bots decoders");
    }

    @Test
    void theGoldenChainDecodesInJavaToo() {
        JsonObject root = generate();
        Frame held = null;
        for (JsonElement e : root.getAsJsonArray("frames")) {
            JsonObject o = e.getAsJsonObject();
            Frame key = FrameDecoder.decode(null, SnapshotText.bytes(o.get("keyframe").getAsString()));
            if (!o.get("delta").isJsonNull()) {
                held = FrameDecoder.decode(held, SnapshotText.bytes(o.get("delta").getAsString()));
                assertEquals(key, held);
            }
            held = key;
            assertEquals(o.get("snapshot"), FrameJson.snapshot(key));
        }
        JsonObject spectator = root.getAsJsonObject("spectator");
        held = null;
        for (JsonElement e : spectator.getAsJsonArray("frames")) {
            JsonObject o = e.getAsJsonObject();
            JsonElement payload = o.get("delta").isJsonNull() ? o.get("keyframe") : o.get("delta");
            held = FrameDecoder.decode(held, SnapshotText.bytes(payload.getAsString()));
            assertEquals(spectator.get("delayMs").getAsLong(), held.delayMs());
            assertEquals(o.get("snapshot"), FrameJson.snapshot(held));
            assertEquals(held, FrameDecoder.decode(null, SnapshotText.bytes(o.get("keyframe").getAsString())));
        }
    }

    static JsonObject generate() {
        Sim sim = new Sim();
        JsonArray frames = new JsonArray();
        JsonArray spectatorFrames = new JsonArray();
        Frame prev = null;
        int count = 0;
        for (int t = 0; t < 300; t++) {
            sim.step(t);
            boolean send = t % 5 == 0 || (t > 40 && t < 50) || (t > 110 && t < 125) || (t > 195 && t < 205);
            if (!send) continue;
            Frame f = sim.frame();
            JsonObject o = new JsonObject();
            o.add("snapshot", FrameJson.snapshot(f));
            o.addProperty("keyframe", SnapshotText.text(FrameEncoder.keyframe(f)));
            if (prev == null) {
                o.add("delta", null);
            } else {
                o.addProperty("delta", SnapshotText.text(FrameEncoder.delta(prev, f)));
            }
            frames.add(o);
            if (count < SPECTATOR_FRAMES) {
                // The same snapshot as spectators get it: the player's forms with the delay in the header.
                JsonObject so = new JsonObject();
                so.add("snapshot", FrameJson.snapshot(f.withDelay(SPECTATOR_DELAY_MS)));
                so.addProperty("keyframe", SnapshotText.text(FrameEncoder.withDelay(FrameEncoder.keyframe(f), SPECTATOR_DELAY_MS)));
                if (prev == null) {
                    so.add("delta", null);
                } else {
                    so.addProperty("delta", SnapshotText.text(FrameEncoder.withDelay(FrameEncoder.delta(prev, f), SPECTATOR_DELAY_MS)));
                }
                spectatorFrames.add(so);
            }
            prev = f;
            count++;
        }
        JsonObject spectator = new JsonObject();
        spectator.addProperty("delayMs", SPECTATOR_DELAY_MS);
        spectator.add("frames", spectatorFrames);
        JsonObject root = new JsonObject();
        root.addProperty("about", "compact snapshots (docs/protocol.md): each frame's snapshot, as decoded; its keyframe; "
                + "its delta on the frame before (null for the first). Written by SnapshotGoldenTest.");
        root.addProperty("protocol", SnapshotText.PROTOCOL_VERSION);
        root.addProperty("count", count);
        root.add("frames", frames);
        root.addProperty("spectatorAbout", "the first frames again as a spectator's copies: the delay in the header, "
                + "delayMs in the snapshot");
        root.add("spectator", spectator);
        return root;
    }

    /** A real arena with scripted players. */
    static final class Sim implements GameContext, PlayerFacts {
        @SuppressWarnings("unchecked")
        final Game<PlayerInput> game = (Game<PlayerInput>) ArenaGame.factory().create("arena");
        final SplittableRandom rng = new SplittableRandom(11);
        final Map<Integer, Integer> seq = new HashMap<>();
        final Map<Integer, double[]> moves = new HashMap<>();
        long tick;
        long time = 1_764_288_000_000L;
        Phase phase = Phase.LOBBY;
        int round;
        long endsAt;

        Sim() {
            game.onCreate(this, 42);
            for (int id = 1; id <= 6; id++) join(id);
        }

        void join(int id) {
            game.onJoin(id, "p" + id);
            seq.put(id, 0);
        }

        void step(int t) {
            tick = t;
            time += 33 + (t % 3 == 0 ? 1 : 0);
            if (t == 30) {
                phase = Phase.PLAYING;
                round = 1;
                endsAt = time + 180_000;
                game.onRoundStart(round, endsAt);
            }
            if (t == 100) join(7);
            if (t == 120) {
                game.onLeave(3);
                seq.remove(3);
            }
            if (t == 200) join(8);
            if (t == 260) phase = Phase.ROUNDOVER;
            Map<Integer, List<PlayerInput>> inputs = new HashMap<>();
            for (int id : new ArrayList<>(seq.keySet())) {
                if (id == 5 && t > 60 && t < 90) continue; // stalls: keeps its velocity, seq stands still
                if (t % 20 == 0 || !moves.containsKey(id)) {
                    moves.put(id, new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-4, 4)});
                }
                double[] m = moves.get(id);
                int s = seq.merge(id, 1, Integer::sum);
                boolean fire = id != 6 && rng.nextInt(3) == 0;
                inputs.put(id, List.of(new PlayerInput(s, m[0], m[1], m[2] + rng.nextDouble(-0.1, 0.1), fire)));
            }
            game.step(t, inputs);
        }

        Frame frame() {
            Frame.Body body = ((CompactGame) game).frameBody(this);
            return new Frame(tickRate(), tick, time, phase.ordinal(), round, endsAt, body.ships(), body.shots());
        }

        @Override public long currentTick() { return tick; }
        @Override public int tickRate() { return 30; }
        @Override public Phase phase() { return phase; }
        @Override public void emit(GameEvent event) { }
        @Override public void emit(String type, JsonObject fields) { }
        @Override public void kick(int playerId, String reason) { }
        @Override public void endRound(JsonObject results) { }
        @Override public void closeRoom(String reason) { }
        @Override public long lastAppliedSeq(int playerId) { return seq.getOrDefault(playerId, 0); }
        @Override public boolean connected(int playerId) { return playerId != 4 || tick < 250; }
    }
}
