package io.skirmish.bots.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.bots.behaviour.Ship;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden vectors the server's tests write (game-client-js/test/golden/snapshots.json), replayed as a bot reads them. */
class CompactSnapshotsTest {
    static final Path GOLDEN = Path.of("..", "game-client-js", "test", "golden", "snapshots.json");

    static JsonArray frames() throws IOException {
        return JsonParser.parseString(Files.readString(GOLDEN)).getAsJsonObject().getAsJsonArray("frames");
    }

    static String quoted(JsonElement base64) {
        return '"' + base64.getAsString() + '"';
    }

    @Test
    void theDeltaChainGivesEverySnapshotAsTheServerHadIt() throws IOException {
        JsonArray frames = frames();
        assertTrue(frames.size() > 50);
        CompactSnapshots bot = new CompactSnapshots();
        for (int i = 0; i < frames.size(); i++) {
            JsonObject f = frames.get(i).getAsJsonObject();
            JsonElement payload = f.get("delta").isJsonNull() ? f.get("keyframe") : f.get("delta");
            Messages.Snapshot snap = bot.read(quoted(payload));
            assertNotNull(snap, "frame " + i);
            assertSame(f.getAsJsonObject("snapshot"), snap, "frame " + i);
        }
        assertEquals(0, bot.refused());
    }

    @Test
    void aSpectatorsChainWithItsDelayInTheHeaderDecodesToo() throws IOException {
        JsonObject spectator = JsonParser.parseString(Files.readString(GOLDEN)).getAsJsonObject().getAsJsonObject("spectator");
        JsonArray frames = spectator.getAsJsonArray("frames");
        assertTrue(frames.size() > 10);
        CompactSnapshots bot = new CompactSnapshots();
        for (int i = 0; i < frames.size(); i++) {
            JsonObject f = frames.get(i).getAsJsonObject();
            JsonElement payload = f.get("delta").isJsonNull() ? f.get("keyframe") : f.get("delta");
            Messages.Snapshot snap = bot.read(quoted(payload));
            assertNotNull(snap, "frame " + i);
            assertSame(f.getAsJsonObject("snapshot"), snap, "frame " + i);
            assertEquals(f.getAsJsonObject("snapshot").get("delayMs").getAsLong(), bot.held().delayMs(), "frame " + i);
        }
        assertEquals(0, bot.refused());
    }

    @Test
    void aDeltaOnAnotherBaseWaitsForTheNextKeyframe() throws IOException {
        JsonArray frames = frames();
        CompactSnapshots bot = new CompactSnapshots();
        bot.read(quoted(frames.get(0).getAsJsonObject().get("keyframe")));
        assertNull(bot.read(quoted(frames.get(4).getAsJsonObject().get("delta"))), "frames 1-3 were skipped");
        assertEquals(1, bot.refused());
        JsonObject f = frames.get(9).getAsJsonObject();
        assertSame(f.getAsJsonObject("snapshot"), bot.read(quoted(f.get("keyframe"))), "keyframe");
        JsonObject g = frames.get(10).getAsJsonObject();
        assertSame(g.getAsJsonObject("snapshot"), bot.read(quoted(g.get("delta"))), "delta after it");
    }

    private static void assertSame(JsonObject want, Messages.Snapshot got, String where) {
        assertEquals(want.get("tick").getAsLong(), got.tick(), where);
        assertEquals(want.get("time").getAsLong(), got.time(), where);
        JsonArray players = want.getAsJsonArray("players");
        List<Ship> ships = got.players();
        assertEquals(players.size(), ships.size(), where);
        for (int i = 0; i < ships.size(); i++) {
            JsonObject p = players.get(i).getAsJsonObject();
            Ship s = ships.get(i);
            assertEquals(p.get("id").getAsInt(), s.id(), where);
            assertEquals(p.get("x").getAsDouble(), s.x(), 0, where);
            assertEquals(p.get("y").getAsDouble(), s.y(), 0, where);
            assertEquals(p.get("a").getAsDouble(), s.a(), 0, where);
            assertEquals(p.get("seq").getAsLong(), s.seq(), where);
            assertEquals(p.get("st").getAsInt(), s.st(), where);
        }
    }
}
