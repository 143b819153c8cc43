package io.skirmish.room;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameFactory;
import io.skirmish.game.JoinDecision;
import io.skirmish.game.Phase;
import io.skirmish.game.PlayerInput;
import io.skirmish.game.SnapshotView;
import io.skirmish.loop.OverloadMonitor;
import io.skirmish.loop.Tickable;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: seats, spectators, the round cycle, and the {@link Game} it runs.
 *
 * <p>Threading: everything that changes the room happens in {@link #tick()}, on the one game thread
 * that owns the room. Network threads only reserve seats (an atomic counter, so capacity holds under
 * concurrent joins), queue inputs into bounded per-seat inboxes, and queue commands whose futures the
 * game thread completes.
 */
public final class Room implements Tickable, GameContext, SnapshotView {
    private static final Logger log = LoggerFactory.getLogger(Room.class);
    private static final int CLOSED = -1;

    /** What a room needs from whoever manages it. */
    interface Host {
        void tokenRevoked(String token);

        void disposed(Room room);
    }

    private record Command(Function<Room, RawJson> action, CompletableFuture<RawJson> future) {}

    private record Delayed(long tick, RawJson snapshot) {}

    private final String id;
    private final String code;
    private final RoomConfig cfg;
    private final GameFactory factory;
    private final Ticker ticker;
    private final RoomMetrics metrics;
    private final Host host;
    private final JoinCodes ids;
    private final long seed;
    private final AtomicInteger reserved = new AtomicInteger();
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private volatile RoomSettings settings;
    private volatile boolean locked;
    private volatile boolean closed;
    private volatile RoomSummary summary;

    // Game-thread state below.
    private Game game;
    private JsonObject gameInfo;
    private final LinkedHashMap<Integer, Seat> seats = new LinkedHashMap<>(); // join order: longest present first
    private final List<Membership> spectators = new ArrayList<>();
    private final List<JsonObject> pendingEvents = new ArrayList<>();
    private final ArrayDeque<Delayed> spectatorBuffer = new ArrayDeque<>();
    private final Map<Integer, List<PlayerInput>> stepInputs = new HashMap<>();
    private int nextPlayerId = 1;
    private long tick;
    private Phase phase;
    private long phaseEndTick = -1;
    private long phaseEndsAtMillis;
    private int round;
    private int hostId;
    private boolean dirty = true;
    private long emptySinceTick = -1;
    private double snapshotDebt;
    /** Overload policy step 1: a room that keeps overrunning its tick budget sends fewer snapshots. */
    private final OverloadMonitor overload;
    private int snapshotDivisor = 1;
    static final int MAX_SNAPSHOT_DIVISOR = 4;
    /** Queued inputs beyond this are latency, not jitter: the queue is cut back. */
    static final int BACKLOG_LIMIT = 8;
    /** Ticks a queue must stay deeper than two before it is caught up (shorter bursts are jitter). */
    static final int DEEP_TICKS = 3;

    Room(String id, String code, RoomSettings settings, RoomConfig cfg, GameFactory factory, Ticker ticker,
         RoomMetrics metrics, Host host, JoinCodes ids) {
        this.id = id;
        this.code = code;
        this.settings = settings;
        this.cfg = cfg;
        this.factory = factory;
        this.ticker = ticker;
        this.metrics = metrics;
        this.host = host;
        this.ids = ids;
        this.seed = ids.newSeed();
        // A room taking more than half the tick period is overrunning; a second of that is overload.
        this.overload = new OverloadMonitor(1_000_000_000L / cfg.tickRate() / 2, cfg.tickRate(), 5 * cfg.tickRate());
        newGame();
        if (isPrivate()) {
            enterPhase(Phase.LOBBY, -1);
        } else {
            startRound();
        }
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

    /** Seats reserved or taken (any thread). */
    public int occupancy() {
        return Math.max(0, reserved.get());
    }

    public RoomSummary summary() {
        return summary;
    }

    // ---- network-thread entry points ----------------------------------------------------------

    /** Atomically takes a seat if one is free; false when full or closed. */
    boolean tryReserve() {
        while (true) {
            int n = reserved.get();
            if (n == CLOSED || n >= settings.maxPlayers()) {
                return false;
            }
            if (reserved.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void release() {
        reserved.updateAndGet(n -> n > 0 ? n - 1 : n);
    }

    /** Seats a player whose seat was reserved with {@link #tryReserve()}. */
    CompletableFuture<JoinResult> join(Connection conn, String name, String token) {
        return submitJoin(room -> {
            JoinDecision decision = game.onJoinAttempt(nextPlayerId, name);
            if (!decision.accepted()) {
                release();
                throw new ProtocolException(decision.code(), decision.reason());
            }
            Seat seat = new Seat(nextPlayerId++, name, token, conn, cfg.inputQueue());
            seats.put(seat.id, seat);
            game.onJoin(seat.id, name);
            if (isPrivate() && hostId == 0) {
                hostId = seat.id;
            }
            dirty = true;
            return new JoinResult(joinAck(seat), new Membership(this, seat, conn));
        });
    }

    /** Gives a kept seat to a new connection (the old one, if still there, is told and detached). */
    CompletableFuture<JoinResult> rejoin(Connection conn, String token) {
        return submitJoin(room -> {
            Seat seat = seats.values().stream().filter(s -> s.token.equals(token)).findFirst()
                    .orElseThrow(() -> new ProtocolException(ErrorCode.SEAT_EXPIRED, "the seat is no longer kept"));
            Connection old = seat.conn;
            seat.conn = conn;
            seat.disconnectedAtTick = -1;
            seat.inbox.clear();
            if (old != null && old != conn) {
                old.send(Events.ROOM_CLOSED, reason("replaced"));
            }
            dirty = true;
            return new JoinResult(joinAck(seat), new Membership(this, seat, conn));
        });
    }

    CompletableFuture<JoinResult> spectate(Connection conn) {
        return submitJoin(room -> {
            if (!settings.spectators()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "this room does not allow spectators");
            }
            Membership m = new Membership(this, null, conn);
            spectators.add(m);
            dirty = true;
            return new JoinResult(joinAck(null), m);
        });
    }

    CompletableFuture<RawJson> leave(Membership m) {
        return submit(room -> {
            if (m.spectator()) {
                spectators.remove(m);
                dirty = true;
            } else if (m.active()) {
                removeSeat(m.seat());
            }
            return OK;
        });
    }

    void disconnected(Membership m) {
        submit(room -> {
            if (m.spectator()) {
                if (spectators.remove(m)) dirty = true;
            } else if (m.active()) {
                Seat s = m.seat();
                s.conn = null;
                s.disconnectedAtTick = tick;
                s.inbox.clear();
                dirty = true;
            }
            return OK;
        });
    }

    CompletableFuture<RawJson> ready(Membership m, boolean ready) {
        return submit(room -> {
            Seat s = requireSeat(m);
            if (s.ready != ready) {
                s.ready = ready;
                dirty = true;
            }
            return OK;
        });
    }

    CompletableFuture<RawJson> changeSettings(Membership m, Request.SettingsPatch patch, Passwords.Hash password) {
        return submit(room -> {
            requireHost(m);
            if (phase != Phase.LOBBY) {
                throw new ProtocolException(ErrorCode.BAD_STATE, "settings can change only in the lobby");
            }
            if (patch.map() != null && !factory.supportsMap(patch.map())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown map");
            }
            if (patch.maxPlayers() != null && patch.maxPlayers() < Math.max(seats.size(), occupancy())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "maxPlayers is below the number of players");
            }
            RoomSettings before = settings;
            settings = before.with(patch, password);
            if (!settings.map().equals(before.map())) {
                newGame();
                seats.values().forEach(s -> game.onJoin(s.id, s.name));
                broadcast(Events.GAME_INFO, new RawJson(gameInfo.toString()));
            }
            dirty = true;
            return withRoom();
        });
    }

    CompletableFuture<RawJson> start(Membership m) {
        return submit(room -> {
            requireHost(m);
            if (phase != Phase.LOBBY && phase != Phase.ROUNDOVER) {
                throw new ProtocolException(ErrorCode.BAD_STATE, "a round is already starting or running");
            }
            enterPhase(Phase.COUNTDOWN, cfg.ticks(cfg.countdown()));
            return OK;
        });
    }

    CompletableFuture<RawJson> kick(Membership m, int playerId) {
        return submit(room -> {
            requireHost(m);
            Seat target = seats.get(playerId);
            if (target == null || target.id == m.playerId()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "no such other player");
            }
            Connection c = target.conn;
            removeSeat(target);
            if (c != null) {
                c.send(Events.ROOM_KICKED, reason("kicked"));
            }
            return OK;
        });
    }

    CompletableFuture<RawJson> lock(Membership m, boolean lock) {
        return submit(room -> {
            requireHost(m);
            locked = lock;
            dirty = true;
            return withRoom();
        });
    }

    CompletableFuture<RawJson> transferHost(Membership m, int playerId) {
        return submit(room -> {
            requireHost(m);
            if (!seats.containsKey(playerId)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "no such player");
            }
            hostId = playerId;
            dirty = true;
            return withRoom();
        });
    }

    /** A command whose answer is a join: the caller gets the membership as well as the ack. */
    private CompletableFuture<JoinResult> submitJoin(Function<Room, JoinResult> action) {
        CompletableFuture<JoinResult> result = new CompletableFuture<>();
        submit(room -> {
            JoinResult r = action.apply(room);
            result.complete(r);
            return r.ack();
        }).whenComplete((ack, err) -> {
            if (err != null) {
                result.completeExceptionally(err);
            }
        });
        return result;
    }

    private CompletableFuture<RawJson> submit(Function<Room, RawJson> action) {
        CompletableFuture<RawJson> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new ProtocolException(ErrorCode.NOT_IN_ROOM, "the room is closed"));
            return f;
        }
        commands.add(new Command(action, f));
        if (closed) {
            failPending(); // raced with close: nobody else will drain it
        }
        return f;
    }

    // ---- the tick ------------------------------------------------------------------------------

    @Override
    public void tick() {
        long begin = ticker.nanoTime();
        runCommands();
        advancePhase();
        expireSeats();
        collectInputs();
        game.step(tick, stepInputs);
        flushEvents();
        if (dirty) {
            dirty = false;
            summary = summarize();
            broadcast(Events.ROOM_UPDATE, new RawJson(roomJson().toString()));
        }
        maybeSnapshot();
        tick++;
        long took = ticker.nanoTime() - begin;
        metrics.roomTick(id, took);
        applyOverloadPolicy(took);
        disposeIfEmpty();
    }

    private void applyOverloadPolicy(long tookNanos) {
        switch (overload.record(tookNanos)) {
            case ENTERED, STILL_OVER -> {
                if (snapshotDivisor < MAX_SNAPSHOT_DIVISOR) {
                    snapshotDivisor *= 2;
                    metrics.roomOverloaded();
                    log.warn("room overloaded room={} tick={} tickMicros={}; snapshot rate now {} Hz", id, tick,
                            tookNanos / 1000, (double) cfg.snapshotRate() / snapshotDivisor);
                }
            }
            case LEFT -> {
                snapshotDivisor = 1;
                log.info("room recovered room={} tick={}; snapshot rate back to {} Hz", id, tick, cfg.snapshotRate());
            }
            default -> { }
        }
    }

    /** How much the snapshot rate is currently divided by because of overload (1 = full rate). */
    public int snapshotDivisor() {
        return snapshotDivisor;
    }

    private void runCommands() {
        Command c;
        while ((c = commands.poll()) != null) {
            try {
                c.future.complete(c.action.apply(this));
            } catch (ProtocolException e) {
                c.future.completeExceptionally(e);
            }
        }
    }

    private void advancePhase() {
        if (phaseEndTick < 0 || tick < phaseEndTick) {
            return;
        }
        switch (phase) {
            case COUNTDOWN -> startRound();
            case PLAYING -> {
                log.info("room round ended room={} tick={} round={} players={}", id, tick, round, seats.size());
                game.onRoundEnd(round);
                enterPhase(Phase.ROUNDOVER, cfg.ticks(cfg.roundOver()));
            }
            case ROUNDOVER -> {
                if (isPrivate()) {
                    seats.values().forEach(s -> s.ready = false);
                    enterPhase(Phase.LOBBY, -1);
                } else {
                    startRound();
                }
            }
            default -> throw new IllegalStateException("phase " + phase + " has no end");
        }
    }

    private void startRound() {
        round++;
        int seconds = isPrivate() ? settings.roundSeconds() : (int) cfg.roundLength().toSeconds();
        enterPhase(Phase.PLAYING, seconds * cfg.tickRate());
        log.info("room round started room={} tick={} round={} players={} seconds={}", id, tick, round, seats.size(),
                seconds);
        game.onRoundStart(round, phaseEndsAtMillis);
    }

    private void enterPhase(Phase p, int durationTicks) {
        phase = p;
        phaseEndTick = durationTicks < 0 ? -1 : tick + durationTicks;
        phaseEndsAtMillis = durationTicks < 0 ? 0 : ticker.wallMillis() + durationTicks * 1000L / cfg.tickRate();
        dirty = true;
    }

    private void expireSeats() {
        int grace = cfg.ticks(cfg.seatGrace());
        List<Seat> expired = null;
        for (Seat s : seats.values()) {
            if (s.disconnectedAtTick >= 0 && tick - s.disconnectedAtTick >= grace) {
                if (expired == null) expired = new ArrayList<>();
                expired.add(s);
            }
        }
        if (expired != null) {
            expired.forEach(this::removeSeat);
        }
    }

    /**
     * Chooses each player's inputs for this tick.
     *
     * <ul>
     *   <li>Jitter buffer: while a second input is queued, exactly one is applied, so inputs that
     *       arrive unevenly still move the ship one step per tick as the others see it; a lone input
     *       is held one tick for a partner, then applied anyway.
     *   <li>Catch-up: a queue that stays deeper than two for {@link #DEEP_TICKS} ticks (after a
     *       stall) is drained down to one, at most {@code maxStepsPerTick} a tick.
     *   <li>Step bank: each applied input spends a step; the bank earns one step per tick and holds
     *       at most {@code stepBank} (a second by default). Over any stretch of time a ship takes no
     *       more steps than ticks passed plus the bank, so sending faster never moves it faster.
     *   <li>A queue still longer than {@link #BACKLOG_LIMIT} is cut to its newest two: those inputs
     *       would only add latency.
     * </ul>
     */
    private void collectInputs() {
        stepInputs.clear();
        for (Seat s : seats.values()) {
            s.budget = Math.min(s.budget + 1, cfg.stepBank());
            int queued = s.inbox.size();
            int want;
            if (queued == 0) {
                s.held = 0;
                s.deep = 0;
                continue;
            } else if (queued == 1) {
                s.deep = 0;
                want = s.held++ >= 1 ? 1 : 0;
            } else {
                s.deep = queued > 2 ? s.deep + 1 : 0;
                want = s.deep >= DEEP_TICKS ? queued - 1 : 1;
            }
            want = Math.min(want, Math.min(s.budget, cfg.maxStepsPerTick()));
            if (want == 0) {
                continue;
            }
            s.held = 0;
            List<PlayerInput> list = new ArrayList<>(want);
            PlayerInput in;
            while (list.size() < want && (in = s.inbox.poll()) != null) {
                list.add(in);
                s.lastAppliedSeq = in.seq();
            }
            s.budget -= list.size();
            stepInputs.put(s.id, list);
            if (s.inbox.size() > BACKLOG_LIMIT) {
                int dropped = 0;
                while (s.inbox.size() > 2 && s.inbox.poll() != null) {
                    dropped++;
                }
                metrics.inputsDropped("backlog", dropped);
            }
        }
    }

    private void flushEvents() {
        for (JsonObject e : pendingEvents) {
            broadcast(Events.GAME_EVENT, new RawJson(e.toString()));
        }
        pendingEvents.clear();
    }

    private void maybeSnapshot() {
        snapshotDebt += (double) cfg.snapshotRate() / cfg.tickRate() / snapshotDivisor;
        if (snapshotDebt < 1) {
            return;
        }
        snapshotDebt -= 1;
        if (seats.isEmpty() && spectators.isEmpty()) {
            return;
        }
        long begin = ticker.nanoTime();
        RawJson snap = encodeSnapshot();
        metrics.snapshotEncoded(snap.bytes(), ticker.nanoTime() - begin);
        for (Seat s : seats.values()) {
            Connection c = s.conn;
            if (c != null && !c.sendVolatile(Events.SNAPSHOT, snap)) {
                metrics.snapshotSkipped();
            }
        }
        sendToSpectators(snap);
    }

    private void sendToSpectators(RawJson snap) {
        if (spectators.isEmpty()) {
            spectatorBuffer.clear();
            return;
        }
        long delayTicks = cfg.spectatorDelay().toMillis() * cfg.tickRate() / 1000;
        RawJson due = snap;
        if (delayTicks > 0) {
            spectatorBuffer.addLast(new Delayed(tick, snap));
            due = null;
            while (!spectatorBuffer.isEmpty() && spectatorBuffer.peekFirst().tick() <= tick - delayTicks) {
                due = spectatorBuffer.pollFirst().snapshot();
            }
        }
        if (due != null) {
            for (Membership m : spectators) {
                if (!m.connection().sendVolatile(Events.SNAPSHOT, due)) {
                    metrics.snapshotSkipped();
                }
            }
        }
    }

    private RawJson encodeSnapshot() {
        StringWriter sw = new StringWriter(256 + seats.size() * 128);
        try (JsonWriter out = new JsonWriter(sw)) {
            out.beginObject();
            out.name("tick").value(tick);
            out.name("time").value(ticker.wallMillis());
            out.name("phase").value(phase.wire());
            out.name("round").value(round);
            out.name("phaseEndsAt");
            if (phaseEndsAtMillis > 0) out.value(phaseEndsAtMillis);
            else out.nullValue();
            game.writeSnapshot(out, this);
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawJson(sw.toString());
    }

    private void disposeIfEmpty() {
        if (!seats.isEmpty() || !spectators.isEmpty()) {
            emptySinceTick = -1;
            return;
        }
        if (emptySinceTick < 0) {
            emptySinceTick = tick;
        }
        if (tick - emptySinceTick >= cfg.ticks(cfg.emptyRoomGrace()) && reserved.compareAndSet(0, CLOSED)) {
            closed = true;
            game.onDispose();
            metrics.roomLifecycle("disposed");
            log.info("room disposed room={} tick={} reason=empty", id, tick);
            failPending();
            host.disposed(this);
        }
    }

    @Override
    public void onTickFailure(Throwable error) {
        closed = true;
        reserved.set(CLOSED);
        metrics.roomLifecycle("failed");
        log.error("room failed room={} tick={}; closing it and telling its players", id, tick, error);
        broadcast(Events.ROOM_CLOSED, reason("error"));
        for (Seat s : seats.values()) {
            host.tokenRevoked(s.token);
            s.removed = true;
        }
        failPending();
        try {
            game.onDispose();
        } catch (RuntimeException e) {
            log.warn("room {} game onDispose failed too: {}", id, e.toString());
        }
        host.disposed(this);
    }

    /** Tells every member the server is going away; the room stays as it is until the process stops. */
    void closeForShutdown() {
        submit(room -> {
            broadcast(Events.ROOM_CLOSED, reason("shutdown"));
            return OK;
        });
    }

    private void failPending() {
        Command c;
        while ((c = commands.poll()) != null) {
            c.future.completeExceptionally(new ProtocolException(ErrorCode.ROOM_NOT_FOUND, "the room is closed"));
        }
    }

    // ---- helpers (game thread) ---------------------------------------------------------------

    private void newGame() {
        if (game != null) {
            game.onDispose();
        }
        game = factory.create(settings.map());
        game.onCreate(this, seed);
        gameInfo = game.describe();
        gameInfo.addProperty("tickRate", cfg.tickRate());
        gameInfo.addProperty("snapshotRate", cfg.snapshotRate());
    }

    private void removeSeat(Seat s) {
        seats.remove(s.id);
        s.removed = true;
        s.inbox.clear();
        game.onLeave(s.id);
        host.tokenRevoked(s.token);
        release();
        if (hostId == s.id) {
            hostId = seats.isEmpty() ? 0 : seats.keySet().iterator().next();
        }
        dirty = true;
    }

    private Seat requireSeat(Membership m) {
        if (m.spectator() || !m.active()) {
            throw new ProtocolException(ErrorCode.NOT_IN_ROOM, "you have no seat in this room");
        }
        return m.seat();
    }

    private void requireHost(Membership m) {
        Seat s = requireSeat(m);
        if (s.id != hostId) {
            throw new ProtocolException(ErrorCode.NOT_HOST, "only the host can do that");
        }
    }

    private void broadcast(String event, RawJson payload) {
        for (Seat s : seats.values()) {
            Connection c = s.conn;
            if (c != null) c.send(event, payload);
        }
        for (Membership m : spectators) {
            m.connection().send(event, payload);
        }
    }

    private RawJson joinAck(Seat seat) {
        JsonObject ack = new JsonObject();
        ack.addProperty("ok", true);
        ack.add("room", roomJson());
        JsonObject you = new JsonObject();
        if (seat == null) {
            you.add("id", JsonNull.INSTANCE);
            you.add("seatToken", JsonNull.INSTANCE);
            you.addProperty("spectator", true);
        } else {
            you.addProperty("id", seat.id);
            you.addProperty("seatToken", seat.token);
            you.addProperty("spectator", false);
            you.addProperty("lastSeq", Math.max(0, seat.lastReceivedSeq));
        }
        ack.add("you", you);
        ack.add("game", gameInfo);
        return new RawJson(ack.toString());
    }

    private RawJson withRoom() {
        JsonObject ack = new JsonObject();
        ack.addProperty("ok", true);
        ack.add("room", roomJson());
        return new RawJson(ack.toString());
    }

    JsonObject roomJson() {
        RoomSettings st = settings;
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("code", code);
        o.addProperty("private", isPrivate());
        o.addProperty("capacity", st.maxPlayers());
        o.addProperty("phase", phase.wire());
        if (isPrivate() && hostId != 0) o.addProperty("hostId", hostId);
        else o.add("hostId", JsonNull.INSTANCE);
        o.addProperty("locked", locked);
        o.addProperty("round", round);
        if (phaseEndsAtMillis > 0) o.addProperty("phaseEndsAt", phaseEndsAtMillis);
        else o.add("phaseEndsAt", JsonNull.INSTANCE);
        JsonObject so = new JsonObject();
        so.addProperty("maxPlayers", st.maxPlayers());
        so.addProperty("roundSeconds", isPrivate() ? st.roundSeconds() : (int) cfg.roundLength().toSeconds());
        so.addProperty("map", st.map());
        so.addProperty("spectators", st.spectators());
        so.addProperty("hasPassword", st.hasPassword());
        o.add("settings", so);
        JsonArray ps = new JsonArray();
        for (Seat s : seats.values()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", s.id);
            p.addProperty("name", s.name);
            p.addProperty("host", s.id == hostId);
            p.addProperty("ready", s.ready);
            p.addProperty("connected", s.conn != null);
            ps.add(p);
        }
        o.add("players", ps);
        o.addProperty("spectators", spectators.size());
        return o;
    }

    private RoomSummary summarize() {
        return new RoomSummary(id, seats.size(), settings.maxPlayers(), phase.wire(), settings.map(), spectators.size());
    }

    private static RawJson reason(String reason) {
        JsonObject o = new JsonObject();
        o.addProperty("reason", reason);
        return new RawJson(o.toString());
    }

    static final RawJson OK = new RawJson("{\"ok\":true}");

    // ---- GameContext / SnapshotView (game thread) ------------------------------------------

    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public int tickRate() {
        return cfg.tickRate();
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public void emit(JsonObject event) {
        pendingEvents.add(event);
    }

    @Override
    public void kick(int playerId, String reason) {
        Seat s = seats.get(playerId);
        if (s != null) {
            Connection c = s.conn;
            removeSeat(s);
            if (c != null) c.send(Events.ROOM_KICKED, reason(reason));
        }
    }

    @Override
    public int lastAppliedSeq(int playerId) {
        Seat s = seats.get(playerId);
        return s == null ? 0 : s.lastAppliedSeq;
    }

    @Override
    public boolean connected(int playerId) {
        Seat s = seats.get(playerId);
        return s != null && s.conn != null;
    }
}
