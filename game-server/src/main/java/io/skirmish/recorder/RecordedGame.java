package io.skirmish.recorder;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.JoinDecision;
import io.skirmish.game.PlayerInput;
import io.skirmish.game.SnapshotView;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A {@link Game} that records every call its room makes into it, then makes the call. Calls the game
 * makes back into itself through the room (a kick from inside a step leaves the player) are not
 * recorded: replaying the outer call repeats them. A call that throws is recorded as the room's
 * failure, then rethrown.
 */
final class RecordedGame implements Game {
    private final Game game;
    private final String map;
    private final Recorders recorders;
    private GameContext ctx;
    private FlightRecorder rec;
    private final String gameId;
    private int depth;

    RecordedGame(Game game, String map, Recorders recorders, String gameId) {
        this.gameId = gameId;
        this.game = game;
        this.map = map;
        this.recorders = recorders;
    }

    Game delegate() {
        return game;
    }

    @Override
    public void onCreate(GameContext ctx, long seed) {
        this.ctx = ctx;
        this.rec = recorders.attach(ctx, gameId);
        long t0 = System.nanoTime();
        game.onCreate(ctx, seed);
        rec.created(ctx.currentTick(), ctx.phase(), map, seed, game, ctx.tickRate());
        recorders.stats().spent(System.nanoTime() - t0);
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
    public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
        boolean outer = depth++ == 0;
        if (outer) {
            long t0 = System.nanoTime();
            rec.step(tick, ctx.phase(), inputs);
            recorders.stats().spent(System.nanoTime() - t0);
        }
        try {
            game.step(tick, inputs);
        } catch (RuntimeException | Error e) {
            throw failed(e);
        } finally {
            depth--;
        }
        if (outer) {
            long t0 = System.nanoTime();
            rec.stepped(tick, ctx.phase(), game);
            recorders.stats().spent(System.nanoTime() - t0);
            recorders.stats().tick();
        }
    }

    @Override
    public void writeSnapshot(JsonWriter out, SnapshotView view) throws IOException {
        game.writeSnapshot(out, view);
    }

    @Override
    public JsonObject describe() {
        return game.describe();
    }

    @Override
    public void onDispose() {
        try {
            game.onDispose();
        } finally {
            rec.disposed();
            recorders.disposed(rec);
        }
    }

    /** Records a call if it is the room's (not one the game makes through the room), and counts the depth. */
    private void record(Rec r) {
        if (depth++ == 0) {
            long t0 = System.nanoTime();
            rec.write(r);
            recorders.stats().spent(System.nanoTime() - t0);
        }
    }

    private RuntimeException failed(Throwable e) {
        if (depth == 1) {
            recorders.failed(rec, ctx.currentTick(), true, e);
        }
        if (e instanceof Error err) throw err;
        return (RuntimeException) e;
    }
}
