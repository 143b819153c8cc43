package io.skirmish.recorder;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The room as a replayed game sees it: the recorded tick and phase, events collected, kicks obeyed
 * (the room frees the seat, which makes the game's {@code onLeave} call). Also the snapshot writer
 * of the viewer's frames, with each player's last applied input and everyone connected.
 */
public final class ReplayContext implements GameContext, SnapshotWriter {
    private static final Gson GSON = new Gson();
    private final int tickRate;
    long tick;
    Phase phase;
    final List<JsonObject> emitted = new ArrayList<>();
    final Map<Integer, Integer> lastSeq = new HashMap<>();
    IntConsumer onKick = id -> { };
    private JsonWriter out;

    ReplayContext(int tickRate) {
        this.tickRate = tickRate;
    }

    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public int tickRate() {
        return tickRate;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public void emit(GameEvent event) {
        JsonElement fields = GSON.toJsonTree(event);
        emit(event.type(), fields.isJsonObject() ? fields.getAsJsonObject() : new JsonObject());
    }

    @Override
    public void emit(String type, JsonObject fields) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("tick", tick);
        fields.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        emitted.add(o);
    }

    @Override
    public void kick(int playerId, String reason) {
        onKick.accept(playerId);
    }

    @Override
    public void endRound(JsonObject results) {
        // The room moves to the scoreboard: the recorded phases of the next calls say so.
        JsonObject o = results == null ? new JsonObject() : results.deepCopy();
        emit("round:end", o);
    }

    @Override
    public void closeRoom(String reason) {
        // The room closed after this tick: the recording ends there.
    }

    /** The tick's phase as the viewer shows it. */
    public Phase currentPhase() {
        return phase;
    }

    /** Writes the game's snapshot for the viewer (game thread of the replay). */
    void writeSnapshot(io.skirmish.game.Game<?> game, JsonWriter w) throws IOException {
        out = w;
        try {
            game.writeSnapshot(this);
        } finally {
            out = null;
        }
    }

    @Override
    public JsonWriter json() {
        if (out == null) throw new IllegalStateException("only while the game writes a snapshot");
        return out;
    }

    @Override
    public void beginPlayer(int playerId) throws IOException {
        out.beginObject();
        out.name("id").value(playerId);
        out.name("seq").value(lastSeq.getOrDefault(playerId, 0));
        out.name("c").value(1);
    }

    @Override
    public void endPlayer() throws IOException {
        out.endObject();
    }
}
