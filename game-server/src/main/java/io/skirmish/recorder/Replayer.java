package io.skirmish.recorder;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameFactory;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Re-simulates a {@link Recording}: makes the recorded calls on a fresh game from the same factory,
 * in the same order, and checks every recorded state hash. Stops at the first mismatch, or where
 * the recorded room failed (checking that the replay throws the same exception there).
 */
public final class Replayer {
    /** Sees the replay as it goes (the viewer builds its frames from this). */
    public interface Listener {
        /** After the step of {@code tick}; the game may be read (for a snapshot), not changed. */
        default void stepped(long tick, Game<?> game, ReplayContext ctx) {}

        /** A record was replayed (for the event log); {@code emitted} are the game events of that call. */
        default void replayed(Rec rec, List<JsonObject> emitted) {}
    }

    /** How a replay ended. */
    public record Result(Outcome outcome, long ticks, int hashesChecked, long firstTick, long lastTick,
                         long mismatchTick, String detail) {
        public boolean ok() {
            return outcome == Outcome.MATCH || outcome == Outcome.FAILURE_REPRODUCED || outcome == Outcome.FAILURE_REACHED;
        }
    }

    public enum Outcome {
        /** Every hash matched to the end. */
        MATCH,
        /** Every hash matched, and the replay threw where the room did, the same exception. */
        FAILURE_REPRODUCED,
        /**
         * The room failed outside its game (in the room's own tick machinery): the replay cannot throw
         * that exception, but it reached the failing tick with every hash matching.
         */
        FAILURE_REACHED,
        /** A hash differed (or the failure did not happen the same way): see {@code mismatchTick}. */
        MISMATCH,
        /** The file cannot be replayed (no start, unknown game). */
        UNREPLAYABLE
    }

    private final Function<String, GameFactory> games;

    /** @param games the factory of each game id a recording may name (null when unknown) */
    public Replayer(Function<String, GameFactory> games) {
        this.games = games;
    }

    public Result replay(Recording rec) {
        return replay(rec, new Listener() {});
    }

    public Result replay(Recording recording, Listener listener) {
        List<Rec> records = recording.records();
        ReplayContext ctx = new ReplayContext(recording.tickRate());
        Game<?> game = null;
        int hashes = 0;
        long ticks = 0;
        long first = -1;
        long last = -1;
        for (int i = 0; i < records.size(); i++) {
            Rec r = records.get(i);
            if (game == null && !(r instanceof Rec.Create) && !(r instanceof Rec.Checkpoint)) {
                if (r instanceof Rec.Note) continue;
                return new Result(Outcome.UNREPLAYABLE, 0, 0, -1, -1, r.tick(),
                        "the recording does not start at a game's creation or a checkpoint");
            }
            ctx.tick = r.tick();
            ctx.emitted.clear();
            if (first < 0) first = r.tick();
            last = r.tick();
            try {
                if (r instanceof Rec.Create c) {
                    if (game != null) game.onDispose();
                    ctx.phase = c.phase();
                    game = create(c.game(), c.map());
                    if (game == null) {
                        return new Result(Outcome.UNREPLAYABLE, ticks, hashes, first, r.tick(), r.tick(),
                                "this server does not know the game '" + c.game() + "' with map '" + c.map() + "'");
                    }
                    game.onCreate(ctx, c.seed());
                    ctx.onKick = game::onLeave;
                } else if (r instanceof Rec.Checkpoint c) {
                    if (game == null) {
                        ctx.phase = c.phase();
                        game = create(c.game(), c.map());
                        if (game == null) {
                            return new Result(Outcome.UNREPLAYABLE, ticks, hashes, first, r.tick(), r.tick(),
                                    "this server does not know the game '" + c.game() + "' with map '" + c.map() + "'");
                        }
                        game.onCreate(ctx, c.seed());
                        game.restore(JsonParser.parseString(c.state()).getAsJsonObject());
                        ctx.onKick = game::onLeave;
                    }
                    // A checkpoint in the middle is a state the replay already has: nothing to do.
                } else if (r instanceof Rec.Join j) {
                    ctx.phase = j.phase();
                    game.onJoin(j.player(), j.name());
                } else if (r instanceof Rec.Leave l) {
                    ctx.phase = l.phase();
                    game.onLeave(l.player());
                } else if (r instanceof Rec.RoundStart s) {
                    ctx.phase = s.phase();
                    game.onRoundStart(s.round(), s.endsAtMillis());
                } else if (r instanceof Rec.RoundEnd e) {
                    ctx.phase = e.phase();
                    game.onRoundEnd(e.round());
                } else if (r instanceof Rec.Step s) {
                    ctx.phase = s.phase();
                    step(game, s);
                    ticks++;
                    listener.stepped(s.tick(), game, ctx);
                } else if (r instanceof Rec.Hash h) {
                    long got = game.stateHash();
                    hashes++;
                    if (got != h.hash()) {
                        listener.replayed(r, List.of());
                        return new Result(Outcome.MISMATCH, ticks, hashes, first, h.tick(), h.tick(), String.format(
                                "state hash differs after tick %d: recorded %016x, replayed %016x", h.tick(), h.hash(), got));
                    }
                } else if (r instanceof Rec.Failure f && !f.inGame()) {
                    listener.replayed(r, List.of());
                    return new Result(Outcome.FAILURE_REACHED, ticks, hashes, first, f.tick(), -1, String.format(
                            "the room failed outside its game at tick %d (%s: %s); the replay reached that tick with "
                                    + "every state hash matching", f.tick(), f.type(), f.message()));
                } else if (r instanceof Rec.Failure f) {
                    listener.replayed(r, List.of());
                    return new Result(Outcome.MISMATCH, ticks, hashes, first, f.tick(), f.tick(), String.format(
                            "the room failed at tick %d (%s: %s) but the replay did not", f.tick(), f.type(), f.message()));
                }
            } catch (RuntimeException | Error e) {
                Rec next = i + 1 < records.size() ? records.get(i + 1) : null;
                listener.replayed(r, List.copyOf(ctx.emitted));
                if (next instanceof Rec.Failure f && f.inGame() && f.tick() == r.tick()
                        && f.type().equals(e.getClass().getName()) && f.message().equals(String.valueOf(e.getMessage()))) {
                    listener.replayed(f, List.of());
                    return new Result(Outcome.FAILURE_REPRODUCED, ticks, hashes, first, r.tick(), -1, String.format(
                            "the room failed at tick %d and so does the replay: %s: %s", r.tick(), f.type(), f.message()));
                }
                return new Result(Outcome.MISMATCH, ticks, hashes, first, r.tick(), r.tick(),
                        "the replay threw at tick " + r.tick() + " where the room did not: " + e);
            }
            listener.replayed(r, List.copyOf(ctx.emitted));
        }
        return new Result(Outcome.MATCH, ticks, hashes, first, last, -1,
                hashes == 0 ? "no state hash to check (shorter than a second)" : "every state hash matched");
    }

    private Game<?> create(String game, String map) {
        GameFactory f = games.apply(game);
        if (f == null) return null;
        try {
            return f.create(map);
        } catch (RuntimeException e) {
            return null; // a map this game does not have
        }
    }

    @SuppressWarnings("unchecked")
    private static <I> void step(Game<I> game, Rec.Step s) {
        // The inputs were read back as the class the recording names: the game's own input type.
        game.step(s.tick(), (Map<Integer, List<I>>) (Map<?, ?>) s.inputs());
    }
}
