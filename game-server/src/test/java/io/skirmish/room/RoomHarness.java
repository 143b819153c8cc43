package io.skirmish.room;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameFactory;
import io.skirmish.game.GameType;
import io.skirmish.loop.GameLoop;
import io.skirmish.loop.ManualTicker;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Rooms on a game loop that the test ticks by hand, with manual time: no threads, no sleeps. */
final class RoomHarness {
    final ManualTicker ticker = new ManualTicker();
    final RoomConfig cfg;
    final GameLoop loop;
    final List<Room> scheduled = new CopyOnWriteArrayList<>();
    final RoomManager manager;

    RoomHarness() {
        this(RoomConfig.defaults(), ArenaGame.factory());
    }

    /** Rooms whose game, "arena" with the arena's maps, is made by {@code factory}. */
    RoomHarness(RoomConfig cfg, GameFactory factory) {
        this(cfg, GameCatalog.of(new GameType("arena", "Arena", ArenaGame.TYPE.maps(), factory)));
    }

    RoomHarness(RoomConfig cfg, GameCatalog games) {
        this.cfg = cfg;
        this.loop = new GameLoop("test", ticker, cfg.tickRate(), 3, n -> {});
        RoomManager.Scheduler scheduler = new RoomManager.Scheduler() {
            @Override
            public void schedule(Room room) {
                scheduled.add(room);
                loop.add(room);
            }

            @Override
            public void unschedule(Room room) {
                scheduled.remove(room);
                loop.remove(room);
            }
        };
        manager = new RoomManager(cfg, games, ticker, RoomMetrics.NONE, scheduler, new JoinCodes(new SecureRandom()),
                RoomManager.GuessLimits.defaults());
    }

    /** Advances time by one tick period and ticks every room once. */
    void tick() {
        ticker.advance(1_000_000_000L / cfg.tickRate(), java.util.concurrent.TimeUnit.NANOSECONDS);
        loop.tickOnce();
    }

    void ticks(int n) {
        for (int i = 0; i < n; i++) tick();
    }

    /** Ticks once and returns the future's value (join futures complete on the game thread's tick). */
    <T> T await(CompletableFuture<T> f) {
        tick();
        return f.join();
    }
}
