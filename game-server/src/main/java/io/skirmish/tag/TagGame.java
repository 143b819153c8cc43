package io.skirmish.tag;

import com.google.gson.Gson;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.GameType;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.Phase;
import io.skirmish.game.SeededRandom;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.game.StateHash;
import io.skirmish.protocol.JsonNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tag: everyone runs around a walled yard; whoever is "it" passes it on by touching another player,
 * who cannot tag straight back for a second. Time spent as "it" counts against you: the least wins,
 * and whoever reaches {@link #MAX_IT_SECONDS} in total ends the round at once.
 */
public final class TagGame implements Game<TagGame.Move> {
    /** One input: one step of running in world axes (+x right, +y down), at most unit length. */
    public record Move(int seq, double moveX, double moveY) {}
    record Tagged(int it, int by, long x, long y) implements GameEvent { public String type() { return "tagged"; } }
    record Line(int id, String name, double itSeconds) {}
    static final class Runner { int id, itTicks; String name; double x, y; }
    /** Everything that evolves; {@link #save()} is its JSON. {@code immune} cannot be tagged for {@code immuneTicks}. */
    static final class State { SeededRandom rng; TreeMap<Integer, Runner> runners = new TreeMap<>(); int it, immune, immuneTicks; }

    public static final double RADIUS = 16, SPEED = 220, IT_SPEED = 240;
    public static final int MAX_IT_SECONDS = 45;
    /** A spawn keeps this far from every other runner's centre (three tag reaches), if it can. */
    static final double SPAWN_CLEARANCE = 6 * RADIUS;
    static final int SPAWN_TRIES = 64;
    static final Map<String, int[]> MAPS = Map.of("yard", new int[] {1000, 700}, "court", new int[] {640, 440});
    public static final GameType TYPE = new GameType("tag", "Tag", List.of("yard", "court"), 90, TagGame::new);
    static final InputDecoder<Move> DECODER = (seq, f) -> {
        double mx = f.number("moveX", -1, 1), my = f.number("moveY", -1, 1), len = Math.hypot(mx, my);
        return len > 1 ? new Move(seq, mx / len, my / len) : new Move(seq, mx, my);
    };
    private static final Gson GSON = new Gson();

    private final String map;
    private final int width, height;
    private GameContext ctx;
    private State s = new State();

    public TagGame(String map) {
        this.map = map;
        this.width = MAPS.get(map)[0];
        this.height = MAPS.get(map)[1];
    }

    @Override public void onCreate(GameContext ctx, long seed) { this.ctx = ctx; s.rng = new SeededRandom(seed); }
    @Override public InputDecoder<Move> inputDecoder() { return DECODER; }
    @Override public void onRoundEnd(int round) { ctx.endRound(results()); }
    @Override public JsonObject save() { return GSON.toJsonTree(s).getAsJsonObject(); }
    @Override public long stateHash() { return StateHash.of(save()); }
    @Override public void restore(JsonObject saved) { s = GSON.fromJson(saved, State.class); }

    @Override
    public void onJoin(int playerId, String name) {
        Runner r = place(new Runner());
        r.id = playerId;
        r.name = name;
        s.runners.put(playerId, r);
    }

    @Override
    public void onLeave(int playerId) {
        s.runners.remove(playerId);
        if (s.it == playerId) s.it = 0;
    }

    @Override
    public void onRoundStart(int round, long endsAtMillis) {
        s.runners.values().forEach(r -> place(r).itTicks = 0);
        s.it = 0;
    }

    /**
     * A random spot clear of every other runner (never within reach of "it": spawning there would be an
     * instant tag); after {@link #SPAWN_TRIES} tries, the one farthest from its nearest runner.
     */
    private Runner place(Runner r) {
        double bestX = 0, bestY = 0, bestGap = -1;
        for (int i = 0; i < SPAWN_TRIES && bestGap < SPAWN_CLEARANCE; i++) {
            double x = RADIUS + s.rng.nextDouble() * (width - 2 * RADIUS);
            double y = RADIUS + s.rng.nextDouble() * (height - 2 * RADIUS);
            double gap = Double.MAX_VALUE;
            for (Runner o : s.runners.values()) {
                if (o != r) gap = Math.min(gap, Math.hypot(o.x - x, o.y - y));
            }
            if (gap > bestGap) {
                bestX = x;
                bestY = y;
                bestGap = gap;
            }
        }
        r.x = bestX;
        r.y = bestY;
        return r;
    }

    @Override
    public void step(long tick, Map<Integer, List<Move>> inputs) {
        double dt = 1.0 / ctx.tickRate();
        for (Runner r : s.runners.values()) {
            double speed = r.id == s.it ? IT_SPEED : SPEED;
            for (Move m : inputs.getOrDefault(r.id, List.of())) {
                r.x = Math.max(RADIUS, Math.min(width - RADIUS, r.x + m.moveX() * speed * dt));
                r.y = Math.max(RADIUS, Math.min(height - RADIUS, r.y + m.moveY() * speed * dt));
            }
        }
        if (ctx.phase() != Phase.PLAYING || s.runners.size() < 2) return;
        if (s.it == 0) s.it = new ArrayList<>(s.runners.keySet()).get(s.rng.nextInt(s.runners.size()));
        Runner it = s.runners.get(s.it);
        s.immuneTicks = Math.max(0, s.immuneTicks - 1);
        for (Runner r : s.runners.values()) {
            boolean immune = r.id == s.immune && s.immuneTicks > 0;
            if (r != it && !immune && Math.hypot(r.x - it.x, r.y - it.y) < 2 * RADIUS) {
                s.immune = it.id;
                s.immuneTicks = ctx.tickRate();
                s.it = r.id;
                ctx.emit(new Tagged(r.id, it.id, Math.round(r.x), Math.round(r.y)));
                break;
            }
        }
        if (++s.runners.get(s.it).itTicks >= MAX_IT_SECONDS * ctx.tickRate()) ctx.endRound(results());
    }

    /** {@code winner} (least time as "it"; null with fewer than two players) and the scoreboard, best first. */
    JsonObject results() {
        List<Runner> ranked = new ArrayList<>(s.runners.values());
        ranked.sort(Comparator.comparingInt((Runner r) -> r.itTicks).thenComparingInt(r -> r.id));
        JsonObject o = new JsonObject();
        o.add("winner", ranked.size() < 2 ? JsonNull.INSTANCE : GSON.toJsonTree(ranked.get(0).id));
        o.add("scoreboard", GSON.toJsonTree(ranked.stream()
                .map(r -> new Line(r.id, r.name, Math.round(r.itTicks * 10.0 / ctx.tickRate()) / 10.0)).toList()));
        return o;
    }

    @Override
    public void writeSnapshot(SnapshotWriter w) throws IOException {
        w.json().name("it").value(s.it == 0 ? null : s.it);
        w.json().name("players").beginArray();
        for (Runner r : s.runners.values()) {
            w.beginPlayer(r.id);
            JsonNumbers.write(w.json().name("x"), r.x, 2);
            JsonNumbers.write(w.json().name("y"), r.y, 2);
            JsonNumbers.write(w.json().name("t"), (double) r.itTicks / ctx.tickRate(), 1);
            w.endPlayer();
        }
        w.json().endArray();
    }

    @Override
    public JsonObject describe() {
        return GSON.toJsonTree(Map.of("radius", RADIUS, "speed", SPEED, "itSpeed", IT_SPEED, "maxItSeconds",
                MAX_IT_SECONDS, "map", Map.of("id", map, "width", width, "height", height))).getAsJsonObject();
    }
}
