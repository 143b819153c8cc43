package io.skirmish.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.game.Game;
import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.GameType;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.Phase;
import io.skirmish.protocol.Fields;
import io.skirmish.room.RoomConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Determinism checks for a game: the same seed and inputs must give the same state hashes, and a
 * {@code save()}d state {@code restore()}d into a fresh game must step on exactly like the original.
 */
public final class Determinism {
    private Determinism() {}

    /** The fields of one player's input at one tick, or null for none. Must itself be deterministic. */
    @FunctionalInterface
    public interface Script {
        Map<String, ?> input(int player, int tick);
    }

    /**
     * Plays {@code script} for {@code players} in a quick play room of {@code type} on a seeded
     * {@link GameKit}, and returns the state hash after every tick.
     */
    public static List<Long> roomHashes(GameType type, long seed, int players, int ticks, Script script) {
        GameKit kit = GameKit.of(RoomConfig.defaults(), GameCatalog.of(type), seed);
        List<TestPlayer> ps = new ArrayList<>();
        for (int i = 1; i <= players; i++) ps.add(kit.quickplay("p" + i));
        for (int t = 0; t < ticks; t++) {
            for (TestPlayer p : ps) {
                Map<String, ?> in = script.input(p.id(), t);
                if (in != null) p.input(in);
            }
            kit.tick();
        }
        return kit.hashes(ps.get(0).room());
    }

    /**
     * Asserts both properties: two seeded room runs give equal hash sequences (which change over
     * time), and a game saved halfway, carried as JSON text and restored into a fresh game, steps on
     * with the same hashes as the original.
     */
    public static void check(GameType type, String map, int players, int ticks, Script script) {
        List<Long> a = roomHashes(type, 42, players, ticks, script);
        List<Long> b = roomHashes(type, 42, players, ticks, script);
        assertEquals(a, b, "same seed and inputs, same hashes");
        assertFalse(a.stream().distinct().count() < 2, "the script should change the state");
        checkSaveRestore(type, map, players, ticks, script);
    }

    /** Save halfway, restore into a fresh game, and compare hashes tick by tick. */
    public static void checkSaveRestore(GameType type, String map, int players, int ticks, Script script) {
        Driver original = new Driver(type, map, 7);
        for (int id = 1; id <= players; id++) original.game.onJoin(id, "p" + id);
        original.game.onRoundStart(1, 0);
        for (int t = 0; t < ticks / 2; t++) original.step(t, players, script);
        String saved = original.game.save().toString();
        Driver copy = new Driver(type, map, 12345);
        copy.game.restore(JsonParser.parseString(saved).getAsJsonObject());
        assertEquals(original.game.stateHash(), copy.game.stateHash(), "restored state hashes the same");
        for (int t = ticks / 2; t < ticks; t++) {
            original.step(t, players, script);
            copy.step(t, players, script);
            assertEquals(original.game.stateHash(), copy.game.stateHash(), "after restore, tick " + t);
        }
    }

    /** A game outside any room, stepped by hand in the playing phase. */
    private static final class Driver implements GameContext {
        final Game<Object> game;
        final InputDecoder<Object> decoder;
        long tick;
        int seq;

        @SuppressWarnings("unchecked")
        Driver(GameType type, String map, long seed) {
            game = (Game<Object>) type.factory().create(map);
            game.onCreate(this, seed);
            decoder = game.inputDecoder();
        }

        void step(int t, int players, Script script) {
            Map<Integer, List<Object>> inputs = new HashMap<>();
            for (int id = 1; id <= players; id++) {
                Map<String, ?> in = script.input(id, t);
                if (in != null) inputs.put(id, List.of(decoder.decode(++seq, Fields.of(in))));
            }
            game.step(tick++, inputs);
        }

        @Override public long currentTick() { return tick; }
        @Override public int tickRate() { return 30; }
        @Override public Phase phase() { return Phase.PLAYING; }
        @Override public void emit(GameEvent event) { }
        @Override public void emit(String type, JsonObject fields) { }
        @Override public void kick(int playerId, String reason) { }
        @Override public void endRound(JsonObject results) { }
        @Override public void closeRoom(String reason) { }
    }
}
