package io.skirmish.room;

import com.google.gson.JsonObject;
import io.skirmish.game.GameCatalog;
import io.skirmish.loop.Tickable;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.Events;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: the coordinator of its seats ({@link Members}), round cycle ({@link RoundCycle}), input
 * pacing ({@link InputPacer}), snapshots ({@link SnapshotFanout}), commands ({@link CommandQueue},
 * {@link HostCommands}) and the {@link io.skirmish.game.Game} it runs (behind {@link GameSlot}).
 *
 * <p><b>Threading:</b> everything that changes the room happens in {@link #tick()}, on the one game
 * thread that owns the room. Network threads only reserve seats (an atomic counter, so capacity holds
 * under concurrent joins), queue inputs into bounded per-seat inboxes, and queue commands whose
 * futures the game thread completes. Every public method is safe to call from any thread: they read
 * immutable or volatile values, and none of them reaches the game.
 */
public final class Room implements Tickable {
    private static final Logger log = LoggerFactory.getLogger(Room.class);
    static final int MAX_SNAPSHOT_DIVISOR = SnapshotFanout.MAX_DIVISOR;

    /** What a room needs from whoever manages it. */
    interface Host {
        void tokenRevoked(String token);

        void disposed(Room room);
    }

    private final String id;
    private final String code;
    private final RoomConfig cfg;
    private final GameCatalog games;
    private final Ticker ticker;
    private final RoomMetrics metrics;
    private final Host host;
    private final RoomObserver observer;
    private final long seed;
    private final SeatCount seats = new SeatCount();
    private final CommandQueue commands = new CommandQueue(this::isClosed);
    private final HostCommands hostCommands = new HostCommands(this);
    private final SeatCommands seatCommands = new SeatCommands(this);
    private final OperatorCommands operatorCommands = new OperatorCommands(this);
    private final long createdAtMillis;
    private final LiveView live = new LiveView();
    private volatile RoomSettings settings;
    private volatile boolean locked;
    private volatile boolean closed;
    /** Being moved to another server (cluster drain): the room no longer steps, it only runs commands. */
    private volatile boolean frozen;
    private volatile RoomSummary summary;
    /** Written on the game thread; read by network threads to decode inputs with the current game. */
    private volatile GameSlot<?> slot;
    private final ArrivalClock arrivals;

    // Game-thread state below.
    private final Members members = new Members();
    private final RoundCycle rounds;
    private final RoundEvents roundEvents = new RoundEvents(this);
    private final SeatChanges seatChanges;
    private final InputPacer pacer;
    private final SnapshotFanout fanout;
    private long tick;
    private boolean dirty = true;
    private long emptySinceTick = -1;

    Room(String id, String code, RoomSettings settings, RoomConfig cfg, GameCatalog games, Ticker ticker,
         RoomMetrics metrics, Host host, JoinCodes ids, RoomObserver observer) {
        this(id, code, settings, cfg, games, ticker, metrics, host, ids.newSeed(), observer);
    }

    /** A room with a given seed (one moved here from another server keeps its own). */
    Room(String id, String code, RoomSettings settings, RoomConfig cfg, GameCatalog games, Ticker ticker,
         RoomMetrics metrics, Host host, long seed, RoomObserver observer) {
        this.id = id;
        this.code = code;
        this.settings = settings;
        this.cfg = cfg;
        this.games = games;
        this.ticker = ticker;
        this.metrics = metrics;
        this.host = host;
        this.observer = observer;
        this.seed = seed;
        this.createdAtMillis = ticker.wallMillis();
        this.pacer = new InputPacer(cfg, metrics);
        this.fanout = new SnapshotFanout(id, cfg, ticker, metrics);
        this.arrivals = new ArrivalClock(ticker, cfg.tickRate());
        this.seatChanges = new SeatChanges(this, observer, host);
        this.rounds = new RoundCycle(cfg, ticker, code != null, roundEvents);
        replaceGame();
        rounds.begin(tick, roundSeconds());
        summary = summarize();
    }

    public String id() {
        return id;
    }

    /** The join code; null for public rooms. */
    public String code() {
        return code;
    }

    public boolean isPrivate() {
        return code != null;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isLocked() {
        return locked;
    }

    public RoomSettings settings() {
        return settings;
    }

    /** The seed of the room's games (for recordings and replays). */
    public long seed() {
        return seed;
    }

    /** Seats reserved or taken. */
    public int occupancy() {
        return seats.occupancy();
    }

    /** The room as of its last tick. */
    public RoomSummary summary() {
        return summary;
    }

    /** How much the snapshot rate is currently divided by because of overload (1 = full rate). */
    public int snapshotDivisor() {
        return fanout.divisor();
    }

    /** When the room was created (wall clock). */
    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** The last snapshot sent to the players (without the spectators' delay); null before any. */
    public RawJson latestSnapshot() {
        return live.latest();
    }

    /** The operator's commands (the admin console): inspect, kick, lock, message, close. */
    public OperatorCommands operator() {
        return operatorCommands;
    }

    // ---- network-thread entry points (package-private: through RoomManager and Membership) -----

    /** Atomically takes a seat if one is free; false when full or closed. */
    boolean tryReserve() {
        return seats.tryReserve(settings.maxPlayers());
    }

    void release() {
        seats.release();
    }

    GameSlot<?> slot() {
        return slot;
    }

    HostCommands hostCommands() {
        return hostCommands;
    }

    SeatCommands seatCommands() {
        return seatCommands;
    }

    /** Tells every member the server is going away; the room stays as it is until the process stops. */
    void closeForShutdown() {
        submit("shutdown", null, () -> {
            members.broadcast(Events.ROOM_CLOSED, RoomJson.reason("shutdown"));
            return RoomJson.OK;
        });
    }

    /**
     * Queues a command for the next tick; the observer hears of a named one once it succeeded (joins
     * are unnamed: the observer hears of them as {@link RoomObserver#joined}).
     */
    CompletableFuture<RawJson> submit(String name, Membership by, Supplier<RawJson> action) {
        return commands.submit(() -> {
            RawJson answer = action.get();
            if (name != null) observer.command(this, tick, name, by == null ? 0 : by.playerId());
            return answer;
        });
    }

    // ---- the tick ------------------------------------------------------------------------------

    @Override
    public void tick() {
        if (frozen) {
            commands.runAll();
            return;
        }
        long begin = ticker.nanoTime();
        commands.runAll();
        rounds.advance(tick, roundSeconds());
        seatChanges.expire();
        var inputs = pacer.collect(members.seats(), slot);
        observer.inputs(this, tick, inputs);
        slot.step(tick, inputs);
        JsonObject results = slot.takeRoundResults();
        if (results != null) {
            roundEvents.finishRound(results);
        }
        for (RawJson e : slot.drainEvents()) {
            members.broadcast(Events.GAME_EVENT, e);
        }
        if (dirty) {
            dirty = false;
            summary = summarize();
            members.broadcast(Events.ROOM_UPDATE, new RawJson(roomJson().toString()));
        }
        long now = ticker.wallMillis();
        Supplier<RawJson> json = () -> RoomJson.snapshot(tick, now, rounds, slot, members.seatCount());
        fanout.maybeSend(tick, members.seats(), members.spectators(), live.recording(tick, json),
                slot.frames(tick, now, rounds));
        live.refreshIfStale(tick, cfg.tickRate(), json);
        observer.ticked(this, tick, slot);
        arrivals.ran(tick, begin);
        tick++;
        long took = ticker.nanoTime() - begin;
        metrics.roomTick(id, took);
        fanout.tickTook(tick, took);
        String closeReason = slot.closeRequested();
        if (closeReason != null) {
            close(closeReason, "closed", null);
        } else {
            disposeIfEmpty();
        }
    }

    private void disposeIfEmpty() {
        if (!members.empty()) {
            emptySinceTick = -1;
            return;
        }
        if (emptySinceTick < 0) {
            emptySinceTick = tick;
        }
        if (tick - emptySinceTick >= cfg.ticks(cfg.emptyRoomGrace()) && seats.shutIfEmpty()) {
            close("empty", "disposed", null);
        }
    }

    @Override
    public void onTickFailure(Throwable error) {
        close("error", "failed", error);
    }

    /** Closes the room for good: members told (unless it was empty), seats revoked, the game disposed. */
    private void close(String reason, String lifecycle, Throwable error) {
        closed = true;
        seats.shut();
        metrics.roomLifecycle(lifecycle);
        if (error != null) {
            log.error("room failed room={} tick={}; closing it and telling its players", id, tick, error);
            try {
                observer.failed(this, tick, error);
            } catch (RuntimeException e) {
                log.warn("room {} observer failed on the room's failure: {}", id, e.toString());
            }
        } else {
            log.info("room {} room={} tick={} reason={}", lifecycle, id, tick, reason);
        }
        if (!reason.equals(MOVED)) { // a moved room's members were told where it went
            members.broadcast(Events.ROOM_CLOSED, RoomJson.reason(reason));
        }
        for (Seat s : members.seats()) {
            host.tokenRevoked(s.token);
            s.removed = true;
        }
        commands.failAll();
        try {
            slot.game().onDispose();
        } catch (RuntimeException e) {
            log.warn("room {} game onDispose failed: {}", id, e.toString());
        }
        observer.closed(this, tick, reason);
        host.disposed(this);
    }

    // ---- moving to another server (cluster drain; see RoomMove) -------------------------------

    static final String MOVED = "moved";

    /** True while the room is being moved to another server. */
    public boolean isFrozen() {
        return frozen;
    }

    void freeze(boolean frozen) {
        this.frozen = frozen;
    }

    /** The room now runs on another server: close it here without telling its members (they were told). */
    void closeMoved() {
        close(MOVED, MOVED, null);
    }

    void restoreTick(long tick) {
        this.tick = tick;
        arrivals.ran(tick - 1, ticker.nanoTime());
    }

    /** Network threads: when an input arriving now arrived, in ticks (see {@link ArrivalClock}). */
    double arrivalTick() {
        return arrivals.arrivalTick();
    }

    Passwords.Hash password() {
        return settings.password();
    }

    // ---- helpers for the room's parts (game thread) ------------------------------------------

    Members members() {
        return members;
    }

    RoundCycle rounds() {
        return rounds;
    }

    RoomConfig config() {
        return cfg;
    }

    GameCatalog games() {
        return games;
    }

    long currentTick() {
        return tick;
    }

    void changed() {
        dirty = true;
    }

    void replaceSettings(RoomSettings s) {
        settings = s;
    }

    void setLocked(boolean lock) {
        locked = lock;
    }

    /** Starts the game the settings name, with everyone seated joining it. */
    void replaceGame() {
        GameSlot<?> old = slot;
        if (old != null) {
            old.game().onDispose();
        }
        GameSlot<?> next = GameSlot.open(games.get(settings.game()), settings.map(), this, seed);
        slot = next;
        members.seats().forEach(s -> next.game().onJoin(s.id, s.name));
        observer.gameStarted(this, tick, settings.game(), settings.map(), seed);
    }

    /** Seats joining and leaving the game. */
    SeatChanges seatChanges() {
        return seatChanges;
    }

    int roundSeconds() {
        return isPrivate() ? settings.roundSeconds() : (int) cfg.roundLength().toSeconds();
    }

    JsonObject roomJson() {
        return RoomJson.room(this, members, rounds, roundSeconds());
    }

    RawJson joinAck(Seat seat) {
        return RoomJson.joinAck(roomJson(), seat, slot.info(), cfg.spectatorDelay().toMillis());
    }

    private RoomSummary summarize() {
        return RoomJson.summary(this, members, rounds);
    }
}
