package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.GameFactory;
import io.skirmish.game.GameType;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.protocol.JsonNumbers;
import io.skirmish.snapshot.CompactGame;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Skirmish arena as a {@link Game}: adapts the pure {@link ArenaRules} to the room SPI. */
public final class ArenaGame implements Game<PlayerInput>, CompactGame {
    private final ArenaMap map;
    private final ArenaPhysics physics;
    private GameContext ctx;
    private ArenaState state;
    private final List<ArenaEvent> events = new ArrayList<>();
    private final ShipRecords shipRecords = new ShipRecords();

    /** The arena's events on the wire (the room adds {@code type} and {@code tick}). */
    record Hit(int target, int attacker, int damage, int hp, long x, long y, int shot) implements GameEvent {
        public String type() { return "hit"; }
    }

    record Kill(int victim, int killer) implements GameEvent {
        public String type() { return "kill"; }
    }

    record Respawn(int player, long x, long y) implements GameEvent {
        public String type() { return "respawn"; }
    }

    record RoundStart(int round, long endsAt) implements GameEvent {
        public String type() { return "round:start"; }
    }

    public ArenaGame(ArenaMap map, ArenaPhysics physics) {
        this.map = map;
        this.physics = physics;
    }

    /** The arena in the game catalog: maps "arena" (the default) and "pillars", default physics. */
    public static final GameType TYPE = new GameType("arena", "Arena", List.of(ArenaMap.DEFAULT_ID, "pillars"),
            mapId -> new ArenaGame(ArenaMap.byId(mapId), ArenaPhysics.DEFAULT));

    /** The factory of {@link #TYPE}. */
    public static GameFactory factory() {
        return TYPE.factory();
    }

    public ArenaState state() {
        return state;
    }

    @Override
    public void onCreate(GameContext ctx, long seed) {
        this.ctx = ctx;
        this.state = new ArenaState(map, physics, ctx.tickRate(), seed);
    }

    @Override
    public InputDecoder<PlayerInput> inputDecoder() {
        return PlayerInput.DECODER;
    }

    @Override
    public void onJoin(int playerId, String name) {
        ArenaRules.addShip(state, playerId, name);
    }

    @Override
    public void onLeave(int playerId) {
        ArenaRules.removeShip(state, playerId);
    }

    @Override
    public void onRoundStart(int round, long endsAtMillis) {
        ArenaRules.resetRound(state);
        ctx.emit(new RoundStart(round, endsAtMillis));
    }

    @Override
    public void onRoundEnd(int round) {
        List<Ship> ranked = new ArrayList<>(state.ships());
        ranked.sort(Comparator.comparingInt(Ship::score).reversed()
                .thenComparingInt(Ship::deaths).thenComparingInt(Ship::id));
        JsonObject results = new JsonObject();
        if (ranked.isEmpty() || ranked.get(0).score == 0) {
            results.add("winner", JsonNull.INSTANCE);
        } else {
            results.addProperty("winner", ranked.get(0).id);
        }
        JsonArray board = new JsonArray();
        for (Ship s : ranked) {
            JsonObject line = new JsonObject();
            line.addProperty("id", s.id);
            line.addProperty("name", s.name);
            line.addProperty("score", s.score);
            line.addProperty("kills", s.kills);
            line.addProperty("deaths", s.deaths);
            board.add(line);
        }
        results.add("scoreboard", board);
        ctx.endRound(results);
    }

    @Override
    public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
        events.clear();
        ArenaRules.step(state, tick, inputs, ctx.phase() == Phase.PLAYING, events);
        for (ArenaEvent ev : events) {
            ctx.emit(toWire(ev));
        }
    }

    private static GameEvent toWire(ArenaEvent ev) {
        // Java 17 has no pattern switch (preview only): instanceof over the sealed kinds.
        if (ev instanceof ArenaEvent.Hit h) {
            return new Hit(h.target(), h.attacker(), h.damage(), h.hp(), Math.round(h.x()), Math.round(h.y()), h.shot());
        }
        if (ev instanceof ArenaEvent.Kill k) {
            return new Kill(k.victim(), k.killer());
        }
        ArenaEvent.Respawn r = (ArenaEvent.Respawn) ev;
        return new Respawn(r.player(), Math.round(r.x()), Math.round(r.y()));
    }

    @Override
    public void writeSnapshot(SnapshotWriter w) throws IOException {
        JsonWriter out = w.json();
        out.name("players").beginArray();
        for (Ship s : state.ships()) {
            w.beginPlayer(s.id);
            out.name("x");
            JsonNumbers.write(out, s.body.x, 2);
            out.name("y");
            JsonNumbers.write(out, s.body.y, 2);
            out.name("vx");
            JsonNumbers.write(out, s.body.vx, 2);
            out.name("vy");
            JsonNumbers.write(out, s.body.vy, 2);
            out.name("a");
            JsonNumbers.write(out, s.aim, 3);
            out.name("hp").value(s.hp);
            int st = s.status();
            out.name("st").value(st);
            if (st == Ship.DEAD) {
                out.name("r").value(s.respawnTicks);
            }
            out.name("sc").value(s.score);
            out.name("k").value(s.kills);
            out.name("d").value(s.deaths);
            w.endPlayer();
        }
        out.endArray();
        out.name("shots").beginArray();
        for (Shot s : state.shots()) {
            out.beginArray();
            out.value(s.id);
            JsonNumbers.write(out, s.x, 2);
            JsonNumbers.write(out, s.y, 2);
            JsonNumbers.write(out, s.vx, 2);
            JsonNumbers.write(out, s.vy, 2);
            out.value(s.owner);
            out.endArray();
        }
        out.endArray();
    }

    /** The compact snapshot's body: the same state as {@link #writeSnapshot}, in grid units (see {@link Quantum}). */
    @Override
    public Frame.Body frameBody(PlayerFacts facts) {
        List<Frame.ShipRec> ships = shipRecords.of(state.ships(), facts);
        if (state.shots().isEmpty()) {
            return new Frame.Body(ships, List.of());
        }
        List<Frame.ShotRec> shots = new ArrayList<>(state.shots().size());
        for (Shot s : state.shots()) {
            shots.add(new Frame.ShotRec(s.id, s.owner, Quantum.units(s.x), Quantum.units(s.y), Quantum.units(s.stepX),
                    Quantum.units(s.stepY)));
        }
        return new Frame.Body(ships, shots);
    }

    @Override
    public JsonObject describe() {
        JsonObject o = new JsonObject();
        o.add("map", map.toJson());
        o.add("physics", physics.toJson());
        return o;
    }

    @Override
    public JsonObject save() {
        return ArenaSave.save(state);
    }

    @Override
    public void restore(JsonObject saved) {
        ArenaSave.restore(state, saved);
    }

    @Override
    public long stateHash() {
        return state.hash();
    }
}
