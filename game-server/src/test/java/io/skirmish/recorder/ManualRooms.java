package io.skirmish.recorder;

import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameFactory;
import io.skirmish.game.GameType;
import io.skirmish.loop.GameLoop;
import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.Fields;
import io.skirmish.protocol.Request;
import java.util.Map;
import io.skirmish.room.Connection;
import io.skirmish.room.JoinCodes;
import io.skirmish.room.JoinResult;
import io.skirmish.room.Membership;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import io.skirmish.room.RoomConfig;
import io.skirmish.room.RoomManager;
import io.skirmish.room.RoomMetrics;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Recorded rooms on a game loop ticked by hand with manual time, and bots that send seeded random inputs. */
final class ManualRooms {
    final ManualTicker ticker = new ManualTicker();
    final RoomConfig cfg;
    final GameLoop loop;
    final RoomManager manager;
    final Recorders recorders;
    final List<Room> rooms = new CopyOnWriteArrayList<>();

    /** Rooms of the arena's maps running games from {@code games}. */
    ManualRooms(RoomConfig cfg, GameFactory games, Recorders recorders) {
        this(cfg, games, io.skirmish.arena.ArenaGame.TYPE.maps(), recorders);
    }

    ManualRooms(RoomConfig cfg, GameFactory games, List<String> maps, Recorders recorders) {
        this(cfg, games, maps, recorders, RoomMetrics.NONE);
    }

    /** With {@code metrics} hearing every room's ticks (a test can make the room's own machinery throw there). */
    ManualRooms(RoomConfig cfg, GameFactory games, List<String> maps, Recorders recorders, RoomMetrics metrics) {
        this(cfg, "arena", games, maps, recorders, metrics);
    }

    /** Rooms of the game {@code gameId} (the id recordings carry), made by {@code games}. */
    ManualRooms(RoomConfig cfg, String gameId, GameFactory games, List<String> maps, Recorders recorders, RoomMetrics metrics) {
        this.cfg = cfg;
        this.recorders = recorders;
        this.loop = new GameLoop("test", ticker, cfg.tickRate(), 3, n -> { });
        RoomManager.Scheduler scheduler = new RoomManager.Scheduler() {
            @Override
            public void schedule(Room room) {
                rooms.add(room);
                loop.add(room);
            }

            @Override
            public void unschedule(Room room) {
                rooms.remove(room);
                loop.remove(room);
            }
        };
        GameCatalog catalog = GameCatalog.of(new GameType(gameId, gameId, maps, games));
        manager = new RoomManager(cfg, recorders == null ? catalog : recorders.wrap(catalog), ticker, metrics, scheduler,
                new JoinCodes(new SecureRandom()), RoomManager.GuessLimits.defaults());
        if (recorders != null) manager.observe(recorders);
    }

    void tick() {
        ticker.advance(1_000_000_000L / cfg.tickRate(), TimeUnit.NANOSECONDS);
        loop.tickOnce();
    }

    <T> T await(CompletableFuture<T> f) {
        for (int i = 0; i < 10 && !f.isDone(); i++) tick();
        return f.join();
    }

    /** The room's recording as read back from its file bytes. */
    Recording recording(Room room) throws Exception {
        CompletableFuture<byte[]> f = recorders.recording(room, room.id(), "test").orElseThrow();
        byte[] bytes = await(f.thenApply(b -> b)) ;
        return Recording.read(new java.io.ByteArrayInputStream(bytes));
    }

    /** A bot: joins by quick play, then sends one seeded random input per tick. */
    final class Bot implements Connection {
        final Random rnd;
        Membership m;
        int seq;

        Bot(long seed) {
            this.rnd = new Random(seed);
        }

        Bot join(String name) {
            JoinResult r = await(manager.quickplay(this, name));
            m = r.membership();
            return this;
        }

        void input() {
            double a = rnd.nextDouble() * Math.PI * 2;
            m.offerInput(new Request.Input(++seq, Fields.of(Map.of("seq", seq, "moveX", Math.cos(a), "moveY", Math.sin(a),
                    "aim", rnd.nextDouble() * 6 - 3, "fire", rnd.nextInt(4) == 0))));
        }

        @Override
        public void send(String event, RawJson payload) {
        }

        @Override
        public boolean sendVolatile(String event, RawJson payload) {
            return true;
        }

        @Override
        public String address() {
            return "127.0.0.1";
        }

        @Override
        public void close() {
        }
    }
}
