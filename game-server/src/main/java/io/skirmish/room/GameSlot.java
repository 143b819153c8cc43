package io.skirmish.room;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.GameType;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.protocol.Fields;
import io.skirmish.snapshot.CompactGame;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The room's private adapter to the {@link Game} it runs: the only class that calls into the game,
 * and the game's {@link GameContext} and {@link SnapshotWriter}. Keeping these off {@link Room}
 * means nothing outside the game thread can reach them.
 *
 * <p>Game thread only, except {@link #decode}, which network threads call (the decoder is stateless).
 */
final class GameSlot<I> implements GameContext, SnapshotWriter, RoomObserver.GameState {
    private static final Gson GSON = new Gson();

    private final Game<I> game;
    private final Room owner;
    private final InputDecoder<I> decoder;
    private final String info;
    private final List<RawJson> events = new ArrayList<>();
    private JsonObject roundResults;
    private String closeReason;
    private JsonWriter out;

    private GameSlot(Game<I> game, Room owner, long seed, JsonObject extraInfo) {
        this.game = game;
        this.owner = owner;
        game.onCreate(this, seed);
        this.decoder = game.inputDecoder();
        // A copy: the game's object stays the game's, and the room never mutates it.
        JsonObject info = game.describe().deepCopy();
        extraInfo.entrySet().forEach(e -> info.add(e.getKey(), e.getValue()));
        this.info = info.toString();
    }

    /** Creates the game of {@code type} on {@code map} and starts it; its join-answer facts get {@code id, name, tickRate, snapshotRate}. */
    static GameSlot<?> open(GameType type, String map, Room owner, long seed) {
        JsonObject extra = new JsonObject();
        extra.addProperty("id", type.id());
        extra.addProperty("name", type.name());
        extra.addProperty("tickRate", owner.config().tickRate());
        extra.addProperty("snapshotRate", owner.config().snapshotRate());
        return open(type.factory().create(map), owner, seed, extra);
    }

    private static <I> GameSlot<I> open(Game<I> game, Room owner, long seed, JsonObject extraInfo) {
        return new GameSlot<>(game, owner, seed, extraInfo);
    }

    /** Network threads: the game's decoding of one input's fields, arrived for {@code arrivalTick}. */
    Object decode(int seq, Fields fields, double arrivalTick) {
        return decoder.decode(seq, fields, arrivalTick);
    }

    /** The join answer's {@code game} object, as JSON text. */
    String info() {
        return info;
    }

    Game<I> game() {
        return game;
    }

    @SuppressWarnings("unchecked")
    void step(long tick, Map<Integer, List<Object>> inputs) {
        // Every input here was decoded by this slot's decoder (InputPacer drops the others).
        game.step(tick, (Map<Integer, List<I>>) (Map<?, ?>) inputs);
    }

    void writeSnapshot(JsonWriter out) throws IOException {
        this.out = out;
        try {
            game.writeSnapshot(this);
        } finally {
            this.out = null;
        }
    }

    /**
     * The compact snapshot of now (tick, time and phase from the room, the rest from the game), or null
     * when the game has no compact form. The room's facts ({@code seq}, {@code c}) are the same the JSON
     * form's {@link #beginPlayer} writes.
     */
    Supplier<Frame> frames(long tick, long wallMillis, RoundCycle rounds) {
        if (!(game instanceof CompactGame compact) || !compact.hasCompactForm()) {
            return null;
        }
        return () -> {
            Frame.Body body = compact.frameBody(facts);
            return new Frame(owner.config().tickRate(), tick, wallMillis, rounds.phase().ordinal(), rounds.round(),
                    Math.max(0, rounds.phaseEndsAtMillis()), body.ships(), body.shots());
        };
    }

    private final PlayerFacts facts = new PlayerFacts() {
        @Override
        public long lastAppliedSeq(int playerId) {
            Seat s = owner.members().seat(playerId);
            return s == null ? 0 : s.lastAppliedSeq;
        }

        @Override
        public boolean connected(int playerId) {
            Seat s = owner.members().seat(playerId);
            return s != null && s.conn != null;
        }
    };

    /** Events emitted since the last call, in order, ready to send. */
    List<RawJson> drainEvents() {
        if (events.isEmpty()) return List.of();
        List<RawJson> l = List.copyOf(events);
        events.clear();
        return l;
    }

    /** The results the game gave with {@link #endRound} since the last call; null if it did not. */
    JsonObject takeRoundResults() {
        JsonObject r = roundResults;
        roundResults = null;
        return r;
    }

    /** The reason the game asked to close the room for, or null. */
    String closeRequested() {
        return closeReason;
    }

    // ---- GameContext ---------------------------------------------------------------------------

    @Override
    public long currentTick() {
        return owner.currentTick();
    }

    @Override
    public int tickRate() {
        return owner.config().tickRate();
    }

    @Override
    public Phase phase() {
        return owner.rounds().phase();
    }

    @Override
    public void emit(GameEvent event) {
        JsonElement fields = GSON.toJsonTree(event);
        emitFields(event.type(), fields.isJsonObject() ? fields.getAsJsonObject() : new JsonObject());
    }

    @Override
    public void emit(String type, JsonObject fields) {
        emitFields(type, fields);
    }

    /** Queues {@code {type, tick, ...fields}} for the end of the tick. */
    void emitFields(String type, JsonObject fields) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("tick", owner.currentTick());
        for (var e : fields.entrySet()) {
            if (!e.getKey().equals("type") && !e.getKey().equals("tick")) {
                o.add(e.getKey(), e.getValue());
            }
        }
        events.add(new RawJson(o.toString()));
    }

    @Override
    public void kick(int playerId, String reason) {
        Seat s = owner.members().seat(playerId);
        if (s != null) {
            owner.seatChanges().kick(s, reason);
        }
    }

    @Override
    public void endRound(JsonObject results) {
        if (owner.rounds().phase() == Phase.PLAYING) {
            roundResults = results == null ? new JsonObject() : results.deepCopy();
        }
    }

    @Override
    public void closeRoom(String reason) {
        if (closeReason == null) {
            closeReason = reason == null || reason.isBlank() ? "closed" : reason;
        }
    }

    // ---- SnapshotWriter -------------------------------------------------------------------------

    @Override
    public JsonWriter json() {
        if (out == null) throw new IllegalStateException("only while the game writes a snapshot");
        return out;
    }

    @Override
    public void beginPlayer(int playerId) throws IOException {
        JsonWriter w = json();
        w.beginObject();
        w.name("id").value(playerId);
        Seat s = owner.members().seat(playerId);
        w.name("seq").value(s == null ? 0 : s.lastAppliedSeq);
        w.name("c").value(s != null && s.conn != null ? 1 : 0);
    }

    @Override
    public void endPlayer() throws IOException {
        json().endObject();
    }

    // ---- RoomObserver.GameState ---------------------------------------------------------------

    @Override
    public long hash() {
        return game.stateHash();
    }

    @Override
    public JsonObject save() {
        return game.save();
    }
}
