package io.skirmish.testkit;

import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameType;
import io.skirmish.loop.GameLoop;
import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.Request;
import io.skirmish.protocol.RequestDecoder;
import io.skirmish.room.JoinCodes;
import io.skirmish.room.JoinResult;
import io.skirmish.room.Room;
import io.skirmish.room.RoomConfig;
import io.skirmish.room.RoomManager;
import io.skirmish.room.RoomMetrics;
import io.skirmish.room.RoomObserver;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real rooms running your game on a manual clock: no threads, no sleeps, no sockets. Players are
 * {@link TestPlayer}s that record everything the room sends them; {@link #tick()} advances time by
 * one tick period and ticks every room once.
 *
 * <pre>{@code
 * GameKit kit = GameKit.of(MyGame.TYPE);
 * TestPlayer ada = kit.quickplay("ada");
 * ada.input(Map.of("moveX", 1, "moveY", 0));
 * kit.ticks(3);
 * assertEquals(1, ada.self().get("seq").getAsInt());
 * }</pre>
 *
 * With a {@code seed}, rooms get the same seeds, ids and codes on every run, so the same script gives
 * the same {@link #hashes state hashes} (see {@link Determinism}).
 */
public final class GameKit {
    private final ManualTicker clock = new ManualTicker();
    private final RoomConfig cfg;
    private final GameLoop loop;
    private final RoomManager rooms;
    private final List<Room> live = new ArrayList<>();
    private final Map<String, List<Long>> hashes = new ConcurrentHashMap<>();
    private volatile RoomObserver watcher = RoomObserver.NONE;

    private GameKit(RoomConfig cfg, GameCatalog games, SecureRandom random) {
        this.cfg = cfg;
        this.loop = new GameLoop("kit", clock, cfg.tickRate(), 3, n -> {});
        RoomManager.Scheduler scheduler = new RoomManager.Scheduler() {
            @Override
            public void schedule(Room room) {
                live.add(room);
                loop.add(room);
            }

            @Override
            public void unschedule(Room room) {
                live.remove(room);
                loop.remove(room);
            }
        };
        rooms = new RoomManager(cfg, games, clock, RoomMetrics.NONE, scheduler, new JoinCodes(random),
                RoomManager.GuessLimits.defaults());
        rooms.observe(new RoomObserver() {
            @Override
            public void ticked(Room room, long tick, GameState state) {
                hashes.computeIfAbsent(room.id(), k -> new ArrayList<>()).add(state.hash());
                watcher.ticked(room, tick, state);
            }

            @Override public void joined(Room r, long t, int id, String name) { watcher.joined(r, t, id, name); }
            @Override public void left(Room r, long t, int id) { watcher.left(r, t, id); }
            @Override public void command(Room r, long t, String c, int id) { watcher.command(r, t, c, id); }
            @Override public void inputs(Room r, long t, Map<Integer, List<Object>> in) { watcher.inputs(r, t, in); }
            @Override public void closed(Room r, long t, String reason) { watcher.closed(r, t, reason); }

            @Override
            public void gameStarted(Room r, long t, String game, String map, long seed) {
                watcher.gameStarted(r, t, game, map, seed);
            }
        });
    }

    /** Rooms of these games with the default room settings and random seeds. */
    public static GameKit of(GameType... games) {
        return new GameKit(RoomConfig.defaults(), GameCatalog.of(games), new SecureRandom());
    }

    /** Rooms whose seeds, ids and codes all follow from {@code seed}. */
    public static GameKit of(RoomConfig cfg, GameCatalog games, long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed); // before first use: the sequence is then fixed
            return new GameKit(cfg, games, r);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GameKit of(RoomConfig cfg, GameType... games) {
        return new GameKit(cfg, GameCatalog.of(games), new SecureRandom());
    }

    /** Also tell {@code observer} what the rooms do (for example to check a recorder). */
    public GameKit observe(RoomObserver observer) {
        this.watcher = observer;
        return this;
    }

    /** Advances the clock by one tick period and ticks every room once. */
    public void tick() {
        clock.advance(1_000_000_000L / cfg.tickRate(), TimeUnit.NANOSECONDS);
        loop.tickOnce();
    }

    public void ticks(int n) {
        for (int i = 0; i < n; i++) tick();
    }

    /** Ticks for this many seconds of game time. */
    public void seconds(double s) {
        ticks((int) Math.round(s * cfg.tickRate()));
    }

    /** Ticks once (commands run at the start of a tick) and returns the answer. */
    public <T> T await(CompletableFuture<T> f) {
        tick();
        return f.join();
    }

    public TestPlayer quickplay(String name) {
        return quickplay(name, null);
    }

    /** Quick play of {@code game} (null: the default game). */
    public TestPlayer quickplay(String name, String game) {
        TestPlayer p = new TestPlayer(this);
        return p.seated(await(rooms.quickplay(p, name, game)));
    }

    /** A private room, as {@code room:create {name, settings}} would make it; the player is its host. */
    public TestPlayer create(String name, Map<String, ?> settings) {
        Request.Create c = (Request.Create) RequestDecoder.decode(Events.ROOM_CREATE, Map.of("name", name,
                "settings", settings));
        TestPlayer p = new TestPlayer(this);
        return p.seated(await(rooms.create(p, c.name(), c.settings())));
    }

    public TestPlayer join(String code, String name) {
        TestPlayer p = new TestPlayer(this);
        return p.seated(await(rooms.join(p, code, name, null)));
    }

    public TestPlayer spectate(String code) {
        TestPlayer p = new TestPlayer(this);
        JoinResult r = await(rooms.spectate(p, code, null));
        return p.seated(r);
    }

    public RoomManager rooms() {
        return rooms;
    }

    /** The rooms currently running, oldest first. */
    public List<Room> live() {
        return List.copyOf(live);
    }

    public RoomConfig config() {
        return cfg;
    }

    public ManualTicker clock() {
        return clock;
    }

    /** The game's {@code stateHash()} after every tick of a room so far. */
    public List<Long> hashes(Room room) {
        return List.copyOf(hashes.getOrDefault(room.id(), List.of()));
    }
}
