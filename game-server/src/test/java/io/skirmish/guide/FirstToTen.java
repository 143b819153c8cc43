package io.skirmish.guide;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.GameType;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.game.StateHash;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The game of docs/writing-a-game.md: press a button; the first to ten presses wins the round. */
public final class FirstToTen implements Game<FirstToTen.Press> {
    // [input]
    /** One input: {@code {seq, press}}; a press counts only while the round is playing. */
    public record Press(boolean press) {}

    static final InputDecoder<Press> DECODER = (seq, fields) -> new Press(fields.bool("press"));
    // [input]

    // [type]
    public static final GameType TYPE = new GameType("first-to-ten", "First to ten", List.of("plain"), 60,
            map -> new FirstToTen());
    // [type]

    // [event]
    record Scored(int player, int points) implements GameEvent {
        public String type() { return "scored"; }
    }
    // [event]

    private static final Gson GSON = new Gson();
    private GameContext ctx;
    private TreeMap<Integer, Integer> points = new TreeMap<>();

    @Override public void onCreate(GameContext ctx, long seed) { this.ctx = ctx; }
    @Override public InputDecoder<Press> inputDecoder() { return DECODER; }
    @Override public void onJoin(int playerId, String name) { points.put(playerId, 0); }
    @Override public void onLeave(int playerId) { points.remove(playerId); }
    @Override public void onRoundStart(int round, long endsAtMillis) { points.replaceAll((id, p) -> 0); }

    // [step]
    @Override
    public void step(long tick, Map<Integer, List<Press>> inputs) {
        if (ctx.phase() != Phase.PLAYING) return;
        inputs.forEach((id, presses) -> {
            for (Press p : presses) {
                if (!p.press()) continue;
                int now = points.merge(id, 1, Integer::sum);
                ctx.emit(new Scored(id, now));
                if (now == 10) ctx.endRound(results());
            }
        });
    }

    @Override
    public void onRoundEnd(int round) {
        ctx.endRound(results()); // time ran out: the most presses wins
    }

    private JsonObject results() {
        JsonObject o = new JsonObject();
        points.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(best -> o.addProperty("winner", best.getKey()));
        o.add("points", GSON.toJsonTree(points));
        return o;
    }
    // [step]

    // [snapshot]
    @Override
    public void writeSnapshot(SnapshotWriter out) throws IOException {
        out.json().name("players").beginArray();
        for (var e : points.entrySet()) {
            out.beginPlayer(e.getKey()); // the room writes id, seq and c
            out.json().name("points").value(e.getValue());
            out.endPlayer();
        }
        out.json().endArray();
    }

    @Override
    public JsonObject describe() {
        JsonObject o = new JsonObject();
        o.addProperty("target", 10);
        return o;
    }
    // [snapshot]

    // [save]
    @Override
    public JsonObject save() {
        return GSON.toJsonTree(Map.of("points", points)).getAsJsonObject();
    }

    @Override
    public void restore(JsonObject state) {
        points = new TreeMap<>();
        state.getAsJsonObject("points").entrySet()
                .forEach(e -> points.put(Integer.valueOf(e.getKey()), e.getValue().getAsInt()));
    }

    @Override
    public long stateHash() {
        return StateHash.of(save());
    }
    // [save]
}
