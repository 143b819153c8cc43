package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameFactory;
import io.skirmish.game.Phase;
import io.skirmish.game.PlayerInput;
import io.skirmish.game.SnapshotView;
import io.skirmish.protocol.JsonNumbers;
import io.skirmish.snapshot.CompactGame;
import io.skirmish.snapshot.Frame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Skirmish arena as a {@link Game}: adapts the pure {@link ArenaRules} to the room SPI. */
public final class ArenaGame implements Game, CompactGame {
    private final ArenaMap map;
    private final ArenaPhysics physics;
    private GameContext ctx;
    private ArenaState state;
    private final List<ArenaEvent> events = new ArrayList<>();

    public ArenaGame(ArenaMap map, ArenaPhysics physics) {
        this.map = map;
        this.physics = physics;
    }

    /** The factory rooms use: any map of {@link ArenaMap#ALL}, default physics. */
    public static GameFactory factory() {
        return new GameFactory() {
            @Override
            public Game create(String mapId) {
                return new ArenaGame(ArenaMap.byId(mapId), ArenaPhysics.DEFAULT);
            }

            @Override
            public boolean supportsMap(String mapId) {
                return ArenaMap.ALL.containsKey(mapId);
            }

            @Override
            public String defaultMap() {
                return ArenaMap.DEFAULT_ID;
            }
        };
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
        JsonObject e = event("round:start");
        e.addProperty("round", round);
        e.addProperty("endsAt", endsAtMillis);
        ctx.emit(e);
    }

    @Override
    public void onRoundEnd(int round) {
        List<Ship> ranked = new ArrayList<>(state.ships());
        ranked.sort(Comparator.comparingInt(Ship::score).reversed()
                .thenComparingInt(Ship::deaths).thenComparingInt(Ship::id));
        JsonObject e = event("round:end");
        e.addProperty("round", round);
        if (ranked.isEmpty() || ranked.get(0).score == 0) {
            e.add("winner", null);
        } else {
            e.addProperty("winner", ranked.get(0).id);
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
        e.add("scoreboard", board);
        ctx.emit(e);
    }

    @Override
    public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
        events.clear();
        ArenaRules.step(state, inputs, ctx.phase() == Phase.PLAYING, events);
        for (ArenaEvent ev : events) {
            ctx.emit(toJson(ev));
        }
    }

    private JsonObject toJson(ArenaEvent ev) {
        // Java 17 has no pattern switch (preview only): instanceof over the sealed kinds.
        if (ev instanceof ArenaEvent.Hit h) {
            JsonObject o = event("hit");
            o.addProperty("target", h.target());
            o.addProperty("attacker", h.attacker());
            o.addProperty("damage", h.damage());
            o.addProperty("hp", h.hp());
            o.addProperty("x", Math.round(h.x()));
            o.addProperty("y", Math.round(h.y()));
            return o;
        }
        if (ev instanceof ArenaEvent.Kill k) {
            JsonObject o = event("kill");
            o.addProperty("victim", k.victim());
            o.addProperty("killer", k.killer());
            return o;
        }
        ArenaEvent.Respawn r = (ArenaEvent.Respawn) ev;
        JsonObject o = event("respawn");
        o.addProperty("player", r.player());
        o.addProperty("x", Math.round(r.x()));
        o.addProperty("y", Math.round(r.y()));
        return o;
    }

    private JsonObject event(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("tick", ctx.currentTick());
        return o;
    }

    @Override
    public void writeSnapshot(JsonWriter out, SnapshotView view) throws IOException {
        out.name("players").beginArray();
        for (Ship s : state.ships()) {
            out.beginObject();
            out.name("id").value(s.id);
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
            out.name("seq").value(view.lastAppliedSeq(s.id));
            int st = s.status();
            out.name("st").value(st);
            if (st == Ship.DEAD) {
                out.name("r").value(s.respawnTicks);
            }
            out.name("sc").value(s.score);
            out.name("k").value(s.kills);
            out.name("d").value(s.deaths);
            out.name("c").value(view.connected(s.id) ? 1 : 0);
            out.endObject();
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
    public Frame.Body frameBody(SnapshotView view) {
        List<Frame.ShipRec> ships = new ArrayList<>(state.ships().size());
        for (Ship s : state.ships()) {
            int st = s.status();
            ships.add(new Frame.ShipRec(s.id, Quantum.units(s.body.x), Quantum.units(s.body.y),
                    Quantum.units(s.body.vx), Quantum.units(s.body.vy), Quantum.angleStep(s.aim), s.hp,
                    view.lastAppliedSeq(s.id), st, st == Ship.DEAD ? s.respawnTicks : 0, s.score, s.kills, s.deaths,
                    view.connected(s.id)));
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
}
