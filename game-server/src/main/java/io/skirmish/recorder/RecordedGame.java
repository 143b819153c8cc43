package io.skirmish.recorder;

import io.skirmish.snapshot.CompactGame;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.PlayerFacts;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.JoinDecision;
import io.skirmish.game.SnapshotWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Game} that records every call its room makes into it, then makes the call. Calls the game
 * makes back into itself through the room (a kick from inside a step leaves the player) are not
 * recorded: replaying the outer call repeats them. A call that throws is recorded as the room's
 * failure, then rethrown.
 *
 * <p>The game learns its room when the room tells its observer that the game started ({@link
 * Recorders#gameStarted}), just after {@link #onCreate}; what happens before (the creation, the
 * seated players joining a replacement game) is kept until then.
 */
final class RecordedGame<I> implements Game<I>, CompactGame {
    /** Records kept before the game knows its recorder; past this the game is not recorded at all. */
    private static final int MAX_PENDING = 4096;

    private final Game<I> game;
    private final String map;
    private final Recorders recorders;
    private GameContext ctx;
    private FlightRecorder rec;
    private List<Rec> pending = new ArrayList<>();
    private int depth;

    RecordedGame(Game<I> game, String map, Recorders recorders) {
        this.game = game;
        this.map = map;
        this.recorders = recorders;
    }

    /** The room's recorder is known: what was kept goes in first, the creation with the room's game id. */
    void bind(FlightRecorder recorder, String gameId) {
        List<Rec> kept = pending;
        pending = null;
        if (kept == null) return; // too much happened unbound: this game is not recorded
        rec = recorder;
        guarded(() -> {
            for (Rec r : kept) {
                if (r instanceof Rec.Create c) {
                    recorder.created(new Rec.Create(c.tick(), c.phase(), gameId, c.map(), c.seed()), ctx.tickRate());
                } else {
                    recorder.write(r);
                }
            }
        });
    }

    /** The recorded game: rooms read optional capabilities (the compact snapshot form) from it. */
    @Override
    public Game<I> unwrap() {
        return game.unwrap();
    }

    @Override
    public void onCreate(GameContext ctx, long seed) {
        this.ctx = ctx;
        game.onCreate(ctx, seed);
        pending.add(new Rec.Create(ctx.currentTick(), ctx.phase(), "?", map, seed));
        recorders.created(this);
    }

    @Override
    public InputDecoder<I> inputDecoder() {
        return game.inputDecoder();
    }

    @Override
    public JoinDecision onJoinAttempt(int playerId, String name) {
        return game.onJoinAttempt(playerId, name);
    }

    @Override
    public void onJoin(int playerId, String name) {
        record(new Rec.Join(ctx.currentTick(), ctx.phase(), playerId, name));
        try {
            game.onJoin(playerId, name);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
    }

    @Override
    public void onLeave(int playerId) {
        record(new Rec.Leave(ctx.currentTick(), ctx.phase(), playerId));
        try {
            game.onLeave(playerId);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
    }

    @Override
    public void onRoundStart(int round, long endsAtMillis) {
        record(new Rec.RoundStart(ctx.currentTick(), ctx.phase(), round, endsAtMillis));
        try {
            game.onRoundStart(round, endsAtMillis);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
    }

    @Override
    public void onRoundEnd(int round) {
        record(new Rec.RoundEnd(ctx.currentTick(), ctx.phase(), round));
        try {
            game.onRoundEnd(round);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
    }

    @Override
    public void step(long tick, Map<Integer, List<I>> inputs) {
        boolean outer = depth++ == 0 && rec != null;
        if (outer) {
            long t0 = System.nanoTime();
            guarded(() -> rec.step(tick, ctx.phase(), inputs));
            recorders.stats().spent(System.nanoTime() - t0);
        }
        try {
            game.step(tick, inputs);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
        if (outer && rec != null) {
            long t0 = System.nanoTime();
            guarded(() -> rec.stepped(tick, ctx.phase(), game));
            recorders.stats().spent(System.nanoTime() - t0);
            recorders.stats().tick();
        }
    }

    @Override
    public void writeSnapshot(SnapshotWriter out) throws IOException {
        game.writeSnapshot(out);
    }

    @Override
    public JsonObject describe() {
        return game.describe();
    }

    @Override
    public JsonObject save() {
        return game.save();
    }

    @Override
    public void restore(JsonObject state) {
        game.restore(state);
    }

    @Override
    public long stateHash() {
        return game.stateHash();
    }

    @Override
    public void onDispose() {
        try {
            game.onDispose();
        } finally {
            if (rec != null) guarded(rec::gameDisposed);
        }
    }

    /** Records a call if it is the room's (not one the game makes through the room), and counts the depth. */
    private void record(Rec r) {
        if (depth++ == 0) {
            if (rec != null) {
                long t0 = System.nanoTime();
                guarded(() -> rec.write(r));
                recorders.stats().spent(System.nanoTime() - t0);
            } else if (pending != null) {
                pending.add(r);
                if (pending.size() > MAX_PENDING) pending = null; // never bound: not recorded
            }
        }
    }

    /**
     * Runs a recorder call: the recorder must never take its room down, so a recorder that throws
     * stops recording this game (said once in the log, counted), and the room plays on.
     */
    private void guarded(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            FlightRecorder broken = rec;
            rec = null;
            recorders.broken(broken, e);
        }
    }

    private RuntimeException failed(Throwable e) {
        if (depth == 1 && rec != null) {
            recorders.failed(rec, ctx.currentTick(), true, e);
        }
        if (e instanceof Error err) throw err;
        return (RuntimeException) e;
    }

    /** Compact snapshots read the game's state and change nothing: passed through, not recorded. */
    @Override
    public Frame.Body frameBody(PlayerFacts facts) {
        return ((CompactGame) game).frameBody(facts);
    }

    @Override
    public boolean hasCompactForm() {
        return game instanceof CompactGame c && c.hasCompactForm();
    }
}
