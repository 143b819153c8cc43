package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arena behind the game SPI: what it emits, ends a round with, and writes in both snapshot forms. */
class ArenaGameTest {
    private static final ArenaMap OPEN = new ArenaMap("open", 4000, 4000, List.of(new ArenaMap.Rect(10, 20, 30, 40)),
            List.of(new ArenaMap.Point(2000, 2000)));

    /** A room as the game sees it: a phase the test sets, and what the game told it. */
    static final class Room implements GameContext {
        Phase phase = Phase.PLAYING;
        final List<GameEvent> events = new ArrayList<>();
        JsonObject results;

        @Override public long currentTick() { return 0; }
        @Override public int tickRate() { return 30; }
        @Override public Phase phase() { return phase; }
        @Override public void emit(GameEvent event) { events.add(event); }
        @Override public void emit(String type, JsonObject fields) { throw new AssertionError(type); }
        @Override public void kick(int playerId, String reason) { throw new AssertionError(reason); }
        @Override public void endRound(JsonObject results) { this.results = results; }
        @Override public void closeRoom(String reason) { throw new AssertionError(reason); }
    }

    private final Room room = new Room();
    private final ArenaGame game = new ArenaGame(OPEN, ArenaPhysics.DEFAULT);

    ArenaGameTest() {
        game.onCreate(room, 42);
    }

    private Ship ship(int id, double x, double y) {
        game.onJoin(id, "p" + id);
        Ship s = game.state().ship(id);
        s.body.x = x;
        s.body.y = y;
        s.protectTicks = 0;
        return s;
    }

    private JsonObject snapshot() throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter out = new JsonWriter(text);
        out.beginObject();
        game.writeSnapshot(new SnapshotWriter() {
            @Override
            public JsonWriter json() {
                return out;
            }

            @Override
            public void beginPlayer(int playerId) throws IOException {
                out.beginObject().name("id").value(playerId);
            }

            @Override
            public void endPlayer() throws IOException {
                out.endObject();
            }
        });
        out.endObject();
        return JsonParser.parseString(text.toString()).getAsJsonObject();
    }

    @Test
    void theRoundEndRanksByScoreThenFewerDeathsThenId() {
        Ship a = ship(1, 100, 100), b = ship(2, 200, 200), c = ship(3, 300, 300), d = ship(4, 400, 400);
        a.score = 2; a.deaths = 3; a.kills = 2;
        b.score = 2; b.deaths = 1; b.kills = 4;
        c.score = 5; c.deaths = 7; c.kills = 5;
        d.score = 2; d.deaths = 1;
        game.onRoundEnd(1);
        assertEquals(3, room.results.get("winner").getAsInt());
        JsonArray board = room.results.getAsJsonArray("scoreboard");
        List<Integer> order = new ArrayList<>();
        board.forEach(e -> order.add(e.getAsJsonObject().get("id").getAsInt()));
        assertEquals(List.of(3, 2, 4, 1), order);
        JsonObject second = board.get(1).getAsJsonObject();
        assertEquals("p2", second.get("name").getAsString());
        assertEquals(2, second.get("score").getAsInt());
        assertEquals(4, second.get("kills").getAsInt());
        assertEquals(1, second.get("deaths").getAsInt());
    }

    @Test
    void nobodyWinsARoundWithoutAScoreOrWithoutPlayers() {
        game.onRoundEnd(1);
        assertTrue(room.results.get("winner").isJsonNull());
        assertEquals(0, room.results.getAsJsonArray("scoreboard").size());
        ship(1, 100, 100);
        ship(2, 200, 200).deaths = 1;
        game.onRoundEnd(2);
        assertTrue(room.results.get("winner").isJsonNull(), "a top score of 0 wins nothing");
        assertEquals(2, room.results.getAsJsonArray("scoreboard").size());
    }

    @Test
    void aRoundStartResetsTheArenaAndIsAnnounced() {
        Ship a = ship(1, 100, 100);
        a.score = 3;
        game.onRoundStart(4, 1_900_000_000_000L);
        assertEquals(0, a.score());
        assertEquals(2000, a.x(), "respawned");
        ArenaGame.RoundStart start = assertInstanceOf(ArenaGame.RoundStart.class, room.events.get(0));
        assertEquals(4, start.round());
        assertEquals(1_900_000_000_000L, start.endsAt());
        assertEquals("round:start", start.type());
    }

    @Test
    void hitsKillsAndRespawnsGoOnTheWireRoundedAndOnlyInPlayDoDamage() {
        Ship shooter = ship(1, 1000, 1000);
        Ship target = ship(2, 1080.4, 1000);
        target.hp = ArenaPhysics.DEFAULT.shotDamage();
        room.phase = Phase.COUNTDOWN;
        game.step(1, Map.of(1, List.of(new PlayerInput(1, 0, 0, 0, true))));
        game.step(2, Map.of());
        game.step(3, Map.of());
        assertTrue(room.events.isEmpty(), "outside play a shot hits and does nothing: " + room.events);
        assertEquals(ArenaPhysics.DEFAULT.shotDamage(), target.hp());

        room.phase = Phase.PLAYING;
        shooter.cooldown = 0;
        game.step(10, Map.of(1, List.of(new PlayerInput(2, 0, 0, 0, true))));
        for (long t = 11; room.events.isEmpty() && t < 20; t++) {
            game.step(t, Map.of());
        }
        ArenaGame.Hit hit = assertInstanceOf(ArenaGame.Hit.class, room.events.get(0));
        assertEquals("hit", hit.type());
        assertEquals(2, hit.target());
        assertEquals(1, hit.attacker());
        assertEquals(ArenaPhysics.DEFAULT.shotDamage(), hit.damage());
        assertEquals(0, hit.hp());
        assertEquals(1063, hit.x(), "where the shot was: muzzle 1023, then 8-unit sub-steps");
        assertEquals(1000, hit.y());
        ArenaGame.Kill kill = assertInstanceOf(ArenaGame.Kill.class, room.events.get(1));
        assertEquals("kill", kill.type());
        assertEquals(2, kill.victim());
        assertEquals(1, kill.killer());

        room.events.clear();
        for (long t = 20; room.events.isEmpty() && t < 200; t++) {
            game.step(t, Map.of());
        }
        ArenaGame.Respawn respawn = assertInstanceOf(ArenaGame.Respawn.class, room.events.get(0));
        assertEquals("respawn", respawn.type());
        assertEquals(2, respawn.player());
        assertEquals(2000, respawn.x());
        assertEquals(2000, respawn.y());
    }

    @Test
    void theJsonSnapshotHasEachShipAndShotRounded() throws IOException {
        Ship a = ship(1, 100.5, 200.257);
        a.body.vx = -3.126;
        a.body.vy = 12;
        a.aim = Quantum.angle(1024); // pi/2
        a.hp = 80;
        a.score = 3;
        a.kills = 4;
        a.deaths = 5;
        Ship dead = ship(2, 10, 20);
        dead.respawnTicks = 12;
        Ship fresh = ship(3, 30, 40);
        fresh.protectTicks = 5;
        game.state().shots.add(new Shot(7, 1, 50.25, 60.125, 24, -0.5, 30, 10));

        JsonObject snap = snapshot();
        JsonArray players = snap.getAsJsonArray("players");
        assertEquals(3, players.size());
        JsonObject p = players.get(0).getAsJsonObject();
        assertEquals(1, p.get("id").getAsInt());
        assertEquals("100.5", p.get("x").toString());
        assertEquals("200.26", p.get("y").toString());
        assertEquals("-3.13", p.get("vx").toString());
        assertEquals("12", p.get("vy").toString());
        assertEquals("1.571", p.get("a").toString());
        assertEquals(80, p.get("hp").getAsInt());
        assertEquals(Ship.ALIVE, p.get("st").getAsInt());
        assertFalse(p.has("r"), "a respawn countdown only for the dead");
        assertEquals(3, p.get("sc").getAsInt());
        assertEquals(4, p.get("k").getAsInt());
        assertEquals(5, p.get("d").getAsInt());
        JsonObject d = players.get(1).getAsJsonObject();
        assertEquals(Ship.DEAD, d.get("st").getAsInt());
        assertEquals(12, d.get("r").getAsInt());
        JsonObject f = players.get(2).getAsJsonObject();
        assertEquals(Ship.PROTECTED, f.get("st").getAsInt());
        assertFalse(f.has("r"));
        assertEquals("[[7,50.25,60.13,720,-15,1]]", snap.getAsJsonArray("shots").toString());
    }

    @Test
    void theCompactBodyIsTheSameStateInGridUnitsWithTheRoomsFacts() {
        Ship a = ship(1, 100.5, 200.25);
        a.body.vx = -3.125;
        a.body.vy = 12;
        a.aim = Quantum.angle(1024);
        a.hp = 80;
        a.score = 3;
        a.kills = 4;
        a.deaths = 5;
        Ship dead = ship(2, 10, 20);
        dead.respawnTicks = 12;
        game.state().shots.add(new Shot(7, 1, 50.25, 60.125, 24, -0.5, 30, 10));
        Frame.Body body = game.frameBody(new PlayerFacts() {
            @Override
            public long lastAppliedSeq(int playerId) {
                return playerId * 100L;
            }

            @Override
            public boolean connected(int playerId) {
                return playerId != 2;
            }
        });
        assertEquals(new Frame.ShipRec(1, 3216, 6408, -100, 384, 1024, 80, 100, Ship.ALIVE, 0, 3, 4, 5, true),
                body.ships().get(0));
        assertEquals(new Frame.ShipRec(2, 320, 640, 0, 0, Quantum.angleStep(dead.aim), 100, 200, Ship.DEAD, 12, 0, 0, 0,
                false), body.ships().get(1));
        assertEquals(List.of(new Frame.ShotRec(7, 1, 1608, 1924, 768, -16)), body.shots());
    }

    @Test
    void describeSaysTheMapAndPhysics() {
        JsonObject d = game.describe();
        JsonObject map = d.getAsJsonObject("map");
        assertEquals("open", map.get("id").getAsString());
        assertEquals(4000, map.get("width").getAsInt());
        assertEquals(4000, map.get("height").getAsInt());
        assertEquals("[[10.0,20.0,30.0,40.0]]", map.getAsJsonArray("walls").toString());
        JsonObject p = d.getAsJsonObject("physics");
        ArenaPhysics x = ArenaPhysics.DEFAULT;
        assertEquals(x.accel(), p.get("accel").getAsDouble());
        assertEquals(x.drag(), p.get("drag").getAsDouble());
        assertEquals(x.maxSpeed(), p.get("maxSpeed").getAsDouble());
        assertEquals(x.shipRadius(), p.get("shipRadius").getAsDouble());
        assertEquals(x.shotSpeed(), p.get("shotSpeed").getAsDouble());
        assertEquals(x.shotRadius(), p.get("shotRadius").getAsDouble());
        assertEquals(x.shotTtlTicks(), p.get("shotTtlTicks").getAsInt());
        assertEquals(x.fireCooldownTicks(), p.get("fireCooldownTicks").getAsInt());
        assertEquals(x.maxHp(), p.get("maxHp").getAsInt());
        assertEquals(x.shotDamage(), p.get("shotDamage").getAsInt());
        assertEquals(x.respawnTicks(), p.get("respawnTicks").getAsInt());
        assertEquals(x.protectTicks(), p.get("protectTicks").getAsInt());
        assertEquals(12, p.size());
    }

    @Test
    void leavingRemovesTheShipAndASaveRestoresTheSameState() {
        ship(1, 100, 100);
        ship(2, 200, 200);
        game.step(1, Map.of(1, List.of(new PlayerInput(1, 1, 0, 0, true))));
        JsonObject saved = game.save();
        long hash = game.stateHash();
        assertEquals(game.state().hash(), hash);
        game.onLeave(2);
        assertNull(game.state().ship(2));
        assertNotEquals(hash, game.stateHash());
        game.restore(saved);
        assertEquals(hash, game.stateHash());
        assertSame(PlayerInput.DECODER, game.inputDecoder());
    }

    @Test
    void theCatalogEntryMakesArenasOnItsMaps() {
        assertEquals("arena", ArenaGame.TYPE.id());
        assertEquals(List.of("arena", "pillars"), ArenaGame.TYPE.maps());
        ArenaGame pillars = (ArenaGame) ArenaGame.factory().create("pillars");
        pillars.onCreate(room, 1);
        assertEquals("pillars", pillars.describe().getAsJsonObject("map").get("id").getAsString());
        assertSame(ArenaMap.byId("arena"), ArenaMap.ALL.get(ArenaMap.DEFAULT_ID));
        assertThrows(IllegalArgumentException.class, () -> ArenaMap.byId("moon"));
    }
}
