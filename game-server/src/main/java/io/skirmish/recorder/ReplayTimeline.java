package io.skirmish.recorder;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A replay made ready for the viewer: one snapshot per tick (as the game writes it for clients), the
 * event log, the game's static description (map), and how the replay ended.
 */
public final class ReplayTimeline {
    private final JsonObject info = new JsonObject();
    private final List<String> frames = new ArrayList<>();
    private final JsonArray events = new JsonArray();
    private final JsonObject names = new JsonObject();
    private final Replayer.Result result;

    public ReplayTimeline(Recording recording, Function<String, GameFactory> games) {
        JsonObject[] describe = {null};
        result = new Replayer(games).replay(recording, new Replayer.Listener() {
            @Override
            public void stepped(long tick, Game<?> game, ReplayContext ctx) {
                if (describe[0] == null) describe[0] = game.describe();
                StringWriter sw = new StringWriter(1024);
                try (JsonWriter out = new JsonWriter(sw)) {
                    out.beginObject();
                    out.name("tick").value(tick);
                    out.name("phase").value(ctx.currentPhase() == null ? null : ctx.currentPhase().wire());
                    ctx.writeSnapshot(game, out);
                    out.endObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                frames.add(sw.toString());
            }

            @Override
            public void replayed(Rec rec, List<JsonObject> emitted) {
                if (rec instanceof Rec.Join j) names.addProperty(String.valueOf(j.player()), j.name());
                String text = describe(rec);
                if (text != null) event(rec.tick(), kind(rec), text);
                for (JsonObject e : emitted) {
                    String type = e.has("type") ? e.get("type").getAsString() : "event";
                    if (!type.equals("hit")) event(rec.tick(), "game", type + " " + e);
                }
            }
        });
        info.add("header", recording.header());
        info.add("game", describe[0] == null ? new JsonObject() : describe[0]);
        info.addProperty("frames", frames.size());
        info.add("names", names);
        JsonObject r = new JsonObject();
        r.addProperty("outcome", result.outcome().name());
        r.addProperty("ok", result.ok());
        r.addProperty("ticks", result.ticks());
        r.addProperty("hashesChecked", result.hashesChecked());
        r.addProperty("firstTick", result.firstTick());
        r.addProperty("lastTick", result.lastTick());
        r.addProperty("mismatchTick", result.mismatchTick());
        r.addProperty("detail", result.detail());
        info.add("result", r);
        for (Rec rec : recording.records()) {
            if (rec instanceof Rec.Failure f) {
                JsonObject o = new JsonObject();
                o.addProperty("tick", f.tick());
                o.addProperty("type", f.type());
                o.addProperty("message", f.message());
                o.addProperty("stack", f.stack());
                info.add("failure", o);
            }
        }
        event(result.lastTick(), result.ok() ? "result" : "error", result.detail());
    }

    public Replayer.Result result() {
        return result;
    }

    /** {@code header, game, frames (count), result, failure?} */
    public JsonObject info() {
        return info;
    }

    public JsonArray events() {
        return events;
    }

    /** Every frame as one JSON array. */
    public String framesJson() {
        StringBuilder sb = new StringBuilder(frames.size() * 600 + 2);
        sb.append('[');
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(frames.get(i));
        }
        return sb.append(']').toString();
    }

    private void event(long tick, String kind, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("tick", tick);
        o.addProperty("kind", kind);
        o.addProperty("text", text);
        events.add(o);
    }

    private static String kind(Rec r) {
        if (r instanceof Rec.Failure) return "error";
        if (r instanceof Rec.Hash) return "error";
        return r.getClass().getSimpleName().toLowerCase();
    }

    private static String describe(Rec r) {
        if (r instanceof Rec.Create c) return "game " + c.game() + " created: map " + c.map();
        if (r instanceof Rec.Checkpoint c) return "starts from a checkpoint (" + c.state().length() + " characters)";
        if (r instanceof Rec.Join j) return "player " + j.player() + " joined: " + j.name();
        if (r instanceof Rec.Leave l) return "player " + l.player() + " left";
        if (r instanceof Rec.RoundStart s) return "round " + s.round() + " started";
        if (r instanceof Rec.RoundEnd e) return "round " + e.round() + " ended";
        if (r instanceof Rec.Note n) return n.text();
        if (r instanceof Rec.Failure f) return "the room failed: " + f.type() + ": " + f.message();
        // Steps and matching hashes are not worth a line each; a mismatching hash is reported as the result.
        return null;
    }
}
