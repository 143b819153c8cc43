package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.Phase;
import io.skirmish.game.PlayerInput;
import io.skirmish.game.SnapshotView;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arena as the room sees it: what it describes, the events it emits, and the snapshot it writes. */
class ArenaGameTest {
    private final List<JsonObject> emitted = new ArrayList<>();
    private Phase phase = Phase.PLAYING;
    private long tick = 7;
    private final ArenaGame game = new ArenaGame(ArenaMap.byId("arena"), ArenaPhysics.DEFAULT);

    /** The room's side, as a proxy: only what the arena calls is answered. */
    private final GameContext ctx = (GameContext) Proxy.newProxyInstance(GameContext.class.getClassLoader(),
            new Class<?>[] {GameContext.class}, (proxy, m, args) -> switch (m.getName()) {
                case "currentTick" -> tick;
                case "tickRate" -> 30;
                case "phase" -> phase;
                case "emit" -> {
                    emitted.add((JsonObject) args[0]);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });

    private final SnapshotView view = (SnapshotView) Proxy.newProxyInstance(SnapshotView.class.getClassLoader(),
            new Class<?>[] {SnapshotView.class}, (proxy, m, args) -> switch (m.getName()) {
                case "lastAppliedSeq" -> 40 + (int) args[0];
                case "connected" -> (int) args[0] == 1;
                default -> throw new UnsupportedOperationException(m.getName());
            });

    private JsonObject snapshot() throws Exception {
        StringWriter sw = new StringWriter();
        try (JsonWriter out = new JsonWriter(sw)) {
            out.beginObject();
            game.writeSnapshot(out, view);
            out.endObject();
        }
        return JsonParser.parseString(sw.toString()).getAsJsonObject();
    }

    @Test
    void itDescribesItsMapAndPhysics() {
        JsonObject d = game.describe();
        JsonObject map = d.getAsJsonObject("map");
        ArenaMap m = ArenaMap.byId("arena");
        assertEquals("arena", map.get("id").getAsString());
        assertEquals(m.width(), map.get("width").getAsDouble());
        assertEquals(m.height(), map.get("height").getAsDouble());
        assertEquals(m.walls().size(), map.getAsJsonArray("walls").size());
        ArenaMap.Rect w = m.walls().get(0);
        JsonArray w0 = map.getAsJsonArray("walls").get(0).getAsJsonArray();
        assertEquals(List.of(w.x(), w.y(), w.w(), w.h()), List.of(w0.get(0).getAsDouble(), w0.get(1).getAsDouble(),
                w0.get(2).getAsDouble(), w0.get(3).getAsDouble()));
        JsonObject p = d.getAsJsonObject("physics");
        ArenaPhysics ph = ArenaPhysics.DEFAULT;
        assertEquals(ph.accel(), p.get("accel").getAsDouble());
        assertEquals(ph.drag(), p.get("drag").getAsDouble());
        assertEquals(ph.maxSpeed(), p.get("maxSpeed").getAsDouble());
        assertEquals(ph.shipRadius(), p.get("shipRadius").getAsDouble());
        assertEquals(ph.shotSpeed(), p.get("shotSpeed").getAsDouble());
        assertEquals(ph.shotRadius(), p.get("shotRadius").getAsDouble());
        assertEquals(ph.shotTtlTicks(), p.get("shotTtlTicks").getAsInt());
        assertEquals(ph.fireCooldownTicks(), p.get("fireCooldownTicks").getAsInt());
        assertEquals(ph.maxHp(), p.get("maxHp").getAsInt());
        assertEquals(ph.shotDamage(), p.get("shotDamage").getAsInt());
        assertEquals(ph.respawnTicks(), p.get("respawnTicks").getAsInt());
        assertEquals(ph.protectTicks(), p.get("protectTicks").getAsInt());
        assertTrue(ArenaGame.factory().supportsMap("pillars"));
        assertFalse(ArenaGame.factory().supportsMap("nowhere"));
        assertEquals("arena", ArenaGame.factory().defaultMap());
    }

    @Test
    void roundsAreAnnouncedAndEndWithARankedScoreboard() {
        game.onCreate(ctx, 1);
        game.onJoin(1, "a");
        game.onJoin(2, "b");
        game.onJoin(3, "c");
        game.onRoundStart(2, 123_456L);
        JsonObject start = emitted.get(0);
        assertEquals("round:start", start.get("type").getAsString());
        assertEquals(7, start.get("tick").getAsLong());
        assertEquals(2, start.get("round").getAsInt());
        assertEquals(123_456L, start.get("endsAt").getAsLong());
        game.onRoundEnd(2);
        JsonObject none = emitted.get(1);
        assertTrue(none.get("winner").isJsonNull(), "nobody scored: no winner");
        Ship a = game.state().ship(1), b = game.state().ship(2), c = game.state().ship(3);
        b.score = 2;
        b.kills = 2;
        c.score = 2;
        c.kills = 2;
        c.deaths = 1;
        a.deaths = 4;
        game.onRoundEnd(3);
        JsonObject end = emitted.get(2);
        assertEquals("round:end", end.get("type").getAsString());
        assertEquals(3, end.get("round").getAsInt());
        assertEquals(2, end.get("winner").getAsInt(), "most points, then fewest deaths");
        JsonArray board = end.getAsJsonArray("scoreboard");
        assertEquals(List.of(2, 3, 1), List.of(board.get(0).getAsJsonObject().get("id").getAsInt(),
                board.get(1).getAsJsonObject().get("id").getAsInt(), board.get(2).getAsJsonObject().get("id").getAsInt()));
        JsonObject line = board.get(1).getAsJsonObject();
        assertEquals("c", line.get("name").getAsString());
        assertEquals(2, line.get("score").getAsInt());
        assertEquals(2, line.get("kills").getAsInt());
        assertEquals(1, line.get("deaths").getAsInt());
        game.onRoundStart(4, 1L);
        assertEquals(0, b.score, "a new round resets the scores");
        game.onLeave(3);
        assertEquals(2, game.state().ships().size());
    }

    @Test
    void theSnapshotCarriesEveryShipAndShotRounded() throws Exception {
        game.onCreate(ctx, 1);
        game.onJoin(1, "a");
        game.onJoin(2, "b");
        Ship a = game.state().ship(1), b = game.state().ship(2);
        a.body.x = 100.123;
        a.body.y = 200.5;
        a.body.vx = 3.456;
        a.body.vy = -7;
        a.aim = 1.23456;
        a.protectTicks = 0;
        a.score = 3;
        a.kills = 4;
        a.deaths = 5;
        b.respawnTicks = 12;
        b.hp = 0;
        game.step(8, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true))));
        JsonObject snap = snapshot();
        JsonArray players = snap.getAsJsonArray("players");
        assertEquals(2, players.size());
        JsonObject pa = players.get(0).getAsJsonObject();
        assertEquals(1, pa.get("id").getAsInt());
        assertEquals(41, pa.get("seq").getAsInt(), "the room's applied seq");
        assertEquals(1, pa.get("c").getAsInt());
        assertEquals(Ship.ALIVE, pa.get("st").getAsInt());
        assertFalse(pa.has("r"));
        assertEquals(3, pa.get("sc").getAsInt());
        assertEquals(4, pa.get("k").getAsInt());
        assertEquals(5, pa.get("d").getAsInt());
        assertEquals(100, pa.get("hp").getAsInt());
        assertEquals(0, pa.get("a").getAsDouble(), "aim from the input");
        assertEquals(Math.round(a.x() * 100) / 100.0, pa.get("x").getAsDouble());
        assertEquals(Math.round(a.y() * 100) / 100.0, pa.get("y").getAsDouble());
        assertEquals(Math.round(a.vx() * 100) / 100.0, pa.get("vx").getAsDouble());
        assertEquals(Math.round(a.vy() * 100) / 100.0, pa.get("vy").getAsDouble());
        JsonObject pb = players.get(1).getAsJsonObject();
        assertEquals(Ship.DEAD, pb.get("st").getAsInt());
        assertEquals(11, pb.get("r").getAsInt(), "ticks left until the respawn");
        assertEquals(0, pb.get("c").getAsInt(), "disconnected");
        assertEquals(42, pb.get("seq").getAsInt());
        JsonArray shots = snap.getAsJsonArray("shots");
        assertEquals(1, shots.size());
        JsonArray shot = shots.get(0).getAsJsonArray();
        Shot s = game.state().shots().get(0);
        assertEquals(s.id, shot.get(0).getAsInt());
        assertEquals(Math.round(s.x * 100) / 100.0, shot.get(1).getAsDouble());
        assertEquals(Math.round(s.y * 100) / 100.0, shot.get(2).getAsDouble());
        assertEquals(720, shot.get(3).getAsDouble());
        assertEquals(0, shot.get(4).getAsDouble());
        assertEquals(1, shot.get(5).getAsInt());
    }

    @Test
    void eventsOfAStepAreEmittedAsJsonAndOnlyPlayingDoesDamage() {
        game.onCreate(ctx, 1);
        game.onJoin(1, "a");
        game.onJoin(2, "b");
        Ship a = game.state().ship(1), b = game.state().ship(2);
        a.body.x = 500;
        a.body.y = 300;
        a.protectTicks = 0;
        b.body.x = 600;
        b.body.y = 300;
        b.protectTicks = 0;
        b.hp = 20;
        phase = Phase.COUNTDOWN;
        game.step(1, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true))));
        for (int t = 0; t < 6; t++) game.step(2 + t, Map.of());
        assertEquals(20, b.hp(), "no damage before the round plays");
        assertTrue(emitted.isEmpty());
        phase = Phase.PLAYING;
        game.step(10, Map.of(1, List.of(new PlayerInput(2, 0, 0, 0, true))));
        for (int t = 0; t < 3; t++) game.step(11 + t, Map.of());
        assertEquals(List.of("hit", "kill"), emitted.stream().map(e -> e.get("type").getAsString()).toList());
        JsonObject hit = emitted.get(0);
        assertEquals(2, hit.get("target").getAsInt());
        assertEquals(1, hit.get("attacker").getAsInt());
        assertEquals(20, hit.get("damage").getAsInt());
        assertEquals(0, hit.get("hp").getAsInt());
        assertEquals(579, hit.get("x").getAsLong());
        assertEquals(300, hit.get("y").getAsLong());
        assertEquals(7, hit.get("tick").getAsLong());
        JsonObject kill = emitted.get(1);
        assertEquals(2, kill.get("victim").getAsInt());
        assertEquals(1, kill.get("killer").getAsInt());
        emitted.clear();
        for (int t = 0; t < ArenaPhysics.DEFAULT.respawnTicks(); t++) game.step(20 + t, Map.of());
        assertEquals(1, emitted.size());
        JsonObject respawn = emitted.get(0);
        assertEquals("respawn", respawn.get("type").getAsString());
        assertEquals(2, respawn.get("player").getAsInt());
        assertEquals(Math.round(b.x()), respawn.get("x").getAsLong());
        assertEquals(Math.round(b.y()), respawn.get("y").getAsLong());
        Game asGame = game;
        assertTrue(asGame instanceof ArenaGame);
    }
}
