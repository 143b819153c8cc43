package io.skirmish.bots.harness;

import io.skirmish.bots.behaviour.Behaviour;
import io.skirmish.bots.behaviour.Intent;
import io.skirmish.bots.behaviour.Ship;
import io.skirmish.bots.behaviour.WorldView;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.net.ErrorInfo;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.net.Messages;
import io.skirmish.bots.net.Reply;
import io.skirmish.bots.net.SnapshotReader;
import io.skirmish.bots.net.CompactSnapshots;
import io.skirmish.snapshot.SnapshotText;
import io.skirmish.bots.net.Traffic;
import io.skirmish.bots.net.Wire;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.RoleStats;
import io.skirmish.bots.stats.RoomStats;
import io.skirmish.bots.behaviour.Behaviours;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * One simulated player (or spectator): connects, syncs its clock, joins, plays its behaviour at
 * the server's tick rate, measures, and rejoins its seat after a dropped connection.
 *
 * <p><b>Threading:</b> socket.io callbacks and {@link Wire} events only pass the event on to the
 * bot's lane, where all its state changes happen; {@link #tick()} runs on the shared ticker and
 * reads only volatile fields and the synchronized {@link InputAcks}.
 */
final class Bot {
    /** About 8 s of inputs at 30 Hz: an input older than that is not waiting for an ack any more. */
    private static final int MAX_PENDING_INPUTS = 256;
    /** The reason socket.io gives when the server closed the socket; the library won't reconnect then. */
    private static final String SERVER_DISCONNECT = "io server disconnect";
    /** After a shutdown, how long before trying the server again (its replacement may be starting). */
    private static final Duration AFTER_SHUTDOWN = Duration.ofSeconds(1);

    private final int index;
    private final String name;
    private final Role role;
    private final RoomTarget room;
    private final BotContext ctx;
    private final RoleStats stats;
    private final Executor lane;
    private final SplittableRandom rng;
    private final SplittableRandom behaviourRng;
    private final Traffic traffic = new Traffic();
    /** The compact snapshot stream (lane only). */
    private final CompactSnapshots compact = new CompactSnapshots();
    private final Wire wire;
    private final InputAcks acks = new InputAcks(MAX_PENDING_INPUTS);
    private final IntervalTracker intervals = new IntervalTracker();
    private final ClockSync clockSync = new ClockSync();
    private final CompletableFuture<String> createdCode = new CompletableFuture<>();
    private final AtomicLong snapshots = new AtomicLong();
    /** Snapshots received in the measured window (after the warm-up). */
    private final AtomicLong measuredSnapshots = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong kicks = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    /** Completes once the bot has left its room and its connection has ended ({@link #stop()}). */
    private final CompletableFuture<Void> gone = new CompletableFuture<>();

    // Lane-confined.
    private String seatToken;
    private Integer playerId;
    private Messages.Game game;
    private long expectedIntervalNanos;
    private int failedAttempts;
    private boolean reconnecting;
    /** A host's {@code room:start} is on its way: the lobby updates still in flight must not start another. */
    private boolean startPending;
    /** A join request (of any kind) is on its way: a stop waits for its answer to leave the seat it may give. */
    private boolean joinPending;
    /** The stop's leave is sent (or the connection closed without one): once is enough. */
    private boolean leaving;
    /** The server said it is shutting down: its coming disconnect is a restart to ride out. */
    private boolean shutdownNotice;
    /** Tells the clock-sync chain of the current connection from those of earlier ones. */
    private int connection;

    // Shared with the ticker and the harness.
    private volatile Socket socket;
    private volatile long startNanos;
    private volatile long joinedNanos;
    private volatile long firstSnapshotNanos;
    private volatile boolean playing;
    private volatile boolean stopped;
    private volatile WorldView view;
    /** Made at the first join, for the game the server answers with; the ticker reads it. */
    private volatile Behaviour behaviour;
    /** The room's code (or id) it is in, for the per-room breakdown. */
    private volatile String roomKey;
    private volatile RoomStats.Room roomStats;
    private volatile ScheduledFuture<?> ticks;

    // Ticker-confined (the period is set before the ticks are scheduled, which publishes it).
    private long tickPeriodNanos;
    private int seq;
    private long lastInputNanos;

    /**
     * @param room where to go; {@link RoomTarget.Create} makes this bot the host of a new room
     * @param rng this bot's own generator: its retry jitter, and split off for its behaviour
     */
    Bot(int index, Role role, RoomTarget room, BotContext ctx, SplittableRandom rng) {
        this.index = index;
        this.role = role;
        this.name = (role == Role.PLAYER ? "bot-" : "spec-") + index;
        this.room = room;
        this.ctx = ctx;
        this.stats = ctx.stats(role);
        this.lane = ctx.lanes.forBot(index);
        this.rng = rng;
        this.behaviourRng = rng.split();
        this.wire = ctx.sockets.wire(traffic, this::onServerEvent);
    }

    /** Connects; everything else follows from the socket's events. */
    void start() {
        if (stopped) {
            return; // the run ended before this bot's turn came
        }
        startNanos = System.nanoTime();
        Socket s = ctx.sockets.create(wire);
        socket = s;
        s.on(Socket.EVENT_CONNECT, a -> onLane(this::onConnect));
        s.on(Socket.EVENT_DISCONNECT, a -> onLane(() -> onDisconnect(String.valueOf(first(a)))));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> onLane(() -> onConnectError(first(a))));
        s.io().on(Manager.EVENT_RECONNECT_FAILED, a -> onLane(() -> fail("reconnect failed")));
        s.connect();
    }

    /**
     * Ends the bot (at the end of the run, or when it gives up): leaves its room, then disconnects.
     * Any thread; {@link #gone()} tells when it is done.
     */
    void stop() {
        stopped = true;
        playing = false;
        cancelTicks();
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            lane.execute(this::leaveAndClose);
        } catch (RejectedExecutionException e) {
            close(); // the lanes are shut: no leave, just the connection
        }
    }

    /**
     * Completes when the bot is gone from the server: its {@code room:leave} answered (the room
     * answers once the seat is free) and its connection closed (the server answered the close).
     * A step of a capacity search starts only then, so that it never meets the last step's seats.
     */
    CompletableFuture<Void> gone() {
        return gone;
    }

    /** Lane: leaves the room and closes once the answer came; waits for a pending join's answer first. */
    private void leaveAndClose() {
        if (leaving) {
            return;
        }
        Socket s = socket;
        if (s == null || !s.connected()) {
            leaving = true;
            close();
        } else if (!joinPending) { // else the join's answer comes back here (onJoinReply)
            leaving = true;
            // Answered whether in a room or not (NOT_IN_ROOM); no timeout here: the harness bounds its wait.
            s.emit(Events.ROOM_LEAVE, new Object[] {new JSONObject()}, args -> close());
        }
    }

    /** Closes the connection; {@link #gone} completes when it has ended. Any thread. */
    private void close() {
        Socket s = socket;
        if (s == null) {
            gone.complete(null);
            return;
        }
        s.close();
        wire.ended().whenComplete((v, e) -> gone.complete(null));
    }

    /** Completes with the code of the room this bot created ({@link RoomTarget.Create} only). */
    CompletableFuture<String> createdCode() {
        return createdCode;
    }

    boolean playing() {
        return playing;
    }

    /** Whether the bot has got in (its first join answered) or given up: the ramp is over for it. */
    boolean settled() {
        return joinedNanos != 0 || stopped;
    }

    Role role() {
        return role;
    }

    /**
     * What the bot saw, with its rates taken up to {@code endNanos}: a player's from its first join,
     * a spectator's from its first snapshot (the server delays those on purpose).
     */
    BotSummary summary(long endNanos) {
        long started = startNanos;
        long joined = joinedNanos;
        long from = role == Role.PLAYER ? joined : firstSnapshotNanos;
        double active = started == 0 ? 0 : (endNanos - started) / 1e9;
        long measuredFrom = ctx.measuringSinceNanos;
        long n = snapshots.get();
        if (from != 0 && measuredFrom != 0 && measuredFrom < endNanos) {
            // The rate of the measured window, like every judged figure: a cold start's gaps are warm-up.
            from = Math.max(from, measuredFrom);
            n = measuredSnapshots.get();
        }
        double playingSeconds = from == 0 ? 0 : (endNanos - from) / 1e9;
        return new BotSummary(index, name, role, roomKey, joined != 0, snapshots.get(), active, playingSeconds,
                playingSeconds > 0 ? n / playingSeconds : 0, traffic.bytesIn(), traffic.bytesOut(),
                traffic.messagesIn(), traffic.messagesOut(), reconnects.get(), disconnects.get(), kicks.get());
    }

    // ---- input ticks (ticker thread) ----

    /**
     * Sends this tick's input. A tick that comes less than half a period after the last one is the
     * scheduler catching up after a stall, and is skipped: a burst of inputs would stand in the
     * server's input queue (it applies one per tick) and delay every later input.
     */
    private void tick() {
        long now = System.nanoTime();
        Behaviour b = behaviour;
        if (!playing || b == null || now - lastInputNanos < tickPeriodNanos / 2) {
            return;
        }
        lastInputNanos = now;
        try {
            Intent intent = b.next(view);
            int s = ++seq;
            if (wire.emit(Events.INPUT, Json.input(s, intent))) {
                acks.sent(s, now);
            }
        } catch (RuntimeException e) {
            ctx.errors.count("bot exception: " + e.getClass().getSimpleName());
        }
    }

    private void cancelTicks() {
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }

    // ---- connection (lane) ----

    private void onConnect() {
        connection++;
        clockSync.restartBurst();
        syncClock(connection);
        join();
    }

    private void onDisconnect(String reason) {
        playing = false;
        acks.clear();
        intervals.reset();
        disconnects.incrementAndGet();
        ctx.errors.count("disconnect: " + reason);
        reconnecting = true;
        if (!SERVER_DISCONNECT.equals(reason)) {
            return; // the library reconnects
        }
        if (shutdownNotice) {
            later(AFTER_SHUTDOWN, () -> socket.connect()); // like a browser, come back after a restart
        } else {
            fail("not reconnecting after " + reason);
        }
    }

    /**
     * A failed connection attempt. The library retries transport failures itself; a refusal by the
     * server (a {@code connect_error} with a message, e.g. {@code SERVER_FULL}) it does not, so that
     * is retried here like a refused join.
     */
    private void onConnectError(Object error) {
        String refused = wire.takeRefusal();
        if (error instanceof JSONObject refusal) {
            String code = refusal.optString("message", "refused");
            ctx.errors.count("connect_error: " + code);
            retryOrFail(code, () -> socket.connect());
        } else if (refused != null) {
            // The handshake itself was refused (a connection cap): the library retries with its backoff;
            // this bot gives up after as many refusals as a refused join would get.
            ctx.errors.count("connect_error: " + refused);
            if (++failedAttempts >= JoinRetry.MAX_ATTEMPTS) {
                fail("gave up after " + failedAttempts + " refused connections");
            }
        } else {
            ctx.errors.count("connect_error: " + (error instanceof Throwable t ? t.getMessage() : error));
        }
    }

    /** One {@code time:sync}, then the next after {@link ClockSync#nextDelayMs()}, while this connection lasts. */
    private void syncClock(int conn) {
        if (conn != connection) {
            return;
        }
        double sentMs = ctx.clock.millisAt(System.nanoTime());
        send(Events.TIME_SYNC, Json.object("t", Math.round(sentMs)), reply -> {
            if (reply instanceof Reply.Ok ok) {
                Messages.TimeSync answer = Json.read(ok.body(), Messages.TimeSync.class);
                clockSync.sample(sentMs, ctx.clock.millisAt(ok.receivedNanos()), answer.serverTime());
            } else {
                ctx.errors.count(Events.TIME_SYNC + " " + ((Reply.Failed) reply).code());
            }
            later(Duration.ofMillis(clockSync.nextDelayMs()), () -> syncClock(conn));
        });
    }

    // ---- joining (lane) ----

    private void join() {
        String event = joinEvent();
        joinPending = true;
        // Answered on the lane even after a stop: a seat it gives must be left (onJoinReply).
        ctx.requests.send(socket, event, joinPayload(event), this::onLaneEvenStopped, reply -> onJoinReply(event, reply));
    }

    /** Back into the kept seat if there is one, else a new join. */
    private String joinEvent() {
        if (seatToken != null) {
            return Events.ROOM_REJOIN;
        }
        if (role == Role.SPECTATOR) {
            return Events.ROOM_SPECTATE;
        }
        if (room instanceof RoomTarget.Quick) {
            return Events.ROOM_QUICKPLAY;
        }
        return room instanceof RoomTarget.Create && !createdCode.isDone() ? Events.ROOM_CREATE : Events.ROOM_JOIN;
    }

    private JSONObject joinPayload(String event) {
        String password = ctx.config.password();
        return switch (event) {
            case Events.ROOM_REJOIN -> Json.object("seatToken", seatToken);
            case Events.ROOM_QUICKPLAY -> Json.object("name", name, "game", ctx.config.game());
            case Events.ROOM_SPECTATE -> Json.object("code", code(), "name", name, "password", password);
            case Events.ROOM_CREATE -> Json.object("name", name, "settings", Json.object(
                    "maxPlayers", Math.max(2, Math.min(LoadConfig.MAX_ROOM_PLAYERS, ctx.config.bots())),
                    "password", password, "game", ctx.config.game()));
            default -> Json.object("code", code(), "name", name, "password", password);
        };
    }

    /** The room's code: the target's, or the one this host created (when it joins again). */
    private String code() {
        return room instanceof RoomTarget.Code c ? c.code() : createdCode.getNow(null);
    }

    private void onJoinReply(String event, Reply reply) {
        joinPending = false;
        if (stopped) {
            if (stopping.get()) {
                leaveAndClose(); // the stop waited for this answer
            }
            return;
        }
        if (reply instanceof Reply.Ok ok) {
            onJoined(Json.read(ok.body(), Messages.JoinAnswer.class));
            return;
        }
        String code = ((Reply.Failed) reply).code();
        ctx.errors.count(event + " " + code);
        if (event.equals(Events.ROOM_REJOIN) && code.equals(ErrorCode.SEAT_EXPIRED.name())) {
            seatToken = null;
            join();
        } else {
            retryOrFail(code, this::join);
        }
    }

    private void retryOrFail(String code, Runnable retry) {
        Optional<Duration> delay = JoinRetry.delayAfter(++failedAttempts, code, rng);
        if (delay.isPresent()) {
            later(delay.get(), retry);
        } else {
            fail("gave up after " + failedAttempts + " attempts");
        }
    }

    private void onJoined(Messages.JoinAnswer answer) {
        long now = System.nanoTime();
        failedAttempts = 0;
        useGame(answer.game());
        ctx.game.compareAndSet(null, game);
        if (answer.you() != null && answer.you().id() != null) {
            playerId = answer.you().id();
            seatToken = answer.you().seatToken();
        }
        view = WorldView.empty(game.map().width(), game.map().height());
        if (behaviour == null) {
            behaviour = Behaviours.create(gameId(answer), ctx.config.behaviour(), behaviourRng);
        }
        if (answer.room() != null) {
            String key = answer.room().code() != null ? answer.room().code() : answer.room().id();
            if (key != null && !key.equals(roomKey)) {
                roomKey = key;
                roomStats = ctx.rooms.of(key);
            }
        }
        acks.clear();
        intervals.reset();
        if (joinedNanos == 0) {
            joinedNanos = now;
            stats.connectJoin.recordNanos(now - startNanos);
        } else if (reconnecting) {
            reconnects.incrementAndGet();
        }
        reconnecting = false;
        shutdownNotice = false;
        playing = true;
        if (role == Role.PLAYER && ticks == null) {
            tickPeriodNanos = Math.round(1e9 / game.tickRate());
            ticks = ctx.ticker.scheduleAtFixedRate(this::tick, 0, tickPeriodNanos, TimeUnit.NANOSECONDS);
        }
        if (room instanceof RoomTarget.Create && !createdCode.isDone()) {
            createdCode.complete(answer.room().code());
            startRound();
        }
    }

    // ---- server events (lane) ----

    /** From the {@link Wire}, on the connection's reader thread: only hands the event on. */
    private void onServerEvent(String name, String json, long receivedNanos) {
        onLane(() -> {
            switch (name) {
                case Events.SNAPSHOT -> onSnapshot(SnapshotReader.read(json), receivedNanos);
                case SnapshotText.EVENT -> onCompactSnapshot(json, receivedNanos);
                case Events.ROOM_KICKED -> onKicked();
                case Events.ROOM_CLOSED -> onRoomClosed(json);
                case Events.SERVER_SHUTDOWN -> onShutdown();
                case Events.SERVER_ERROR -> onServerError(json);
                case Events.ROOM_UPDATE -> onRoomUpdate(json);
                case Events.GAME_INFO -> useGame(Json.read(json, Messages.Game.class)); // the host changed the map
                default -> { } // game:event and the like: counted as traffic, not needed to play
            }
        });
    }

    /** The game id the join answer names ({@code room.game}, else {@code game.id}); null: the default game. */
    private static String gameId(Messages.JoinAnswer answer) {
        if (answer.room() != null && answer.room().gameId() != null) {
            return answer.room().gameId();
        }
        return answer.game() == null ? null : answer.game().id();
    }

    /** A compact snapshot: decoded against the state held; a delta that does not apply waits for a keyframe. */
    private void onCompactSnapshot(String json, long receivedNanos) {
        Messages.Snapshot snap = compact.read(json);
        if (snap != null) {
            onSnapshot(snap, receivedNanos);
        }
    }

    private void onSnapshot(Messages.Snapshot snap, long receivedNanos) {
        if (!playing) {
            return;
        }
        if (snapshots.getAndIncrement() == 0) {
            firstSnapshotNanos = receivedNanos;
        }
        if (ctx.measuring) {
            measuredSnapshots.incrementAndGet();
        }
        stats.snapshots.increment();
        Ship self = findSelf(snap.players());
        view = new WorldView(self, snap.players(), game.map().width(), game.map().height());
        long interval = intervals.next(receivedNanos);
        RoomStats.Room inRoom = role == Role.PLAYER ? roomStats : null;
        if (self != null) {
            acks.ackUpTo(self.seq(), receivedNanos, inRoom == null ? stats.inputAck::recordNanos : delay -> {
                stats.inputAck.recordNanos(delay);
                inRoom.inputAck().recordNanos(delay);
            });
        }
        if (interval >= 0) {
            stats.snapshotInterval.recordNanos(interval);
            stats.snapshotJitter.recordNanos(Math.abs(interval - expectedIntervalNanos));
        }
        if (clockSync.known()) {
            double ageMs = clockSync.toServerMs(ctx.clock.millisAt(receivedNanos)) - snap.time();
            long micros = Math.round(ageMs * 1000);
            stats.snapshotAge.recordMicros(micros);
            if (inRoom != null) {
                inRoom.snapshotAge().recordMicros(micros);
            }
        }
    }

    private void useGame(Messages.Game g) {
        game = g;
        expectedIntervalNanos = Math.round(1e9 / g.snapshotRate());
    }

    private Ship findSelf(List<Ship> ships) {
        if (playerId == null) {
            return null;
        }
        for (Ship s : ships) {
            if (s.id() == playerId) {
                return s;
            }
        }
        return null;
    }

    private void onKicked() {
        kicks.incrementAndGet();
        fail(Events.ROOM_KICKED);
    }

    /** A closed public room is left behind for another; a closed private room ends the bot. */
    private void onRoomClosed(String json) {
        ctx.errors.count(Events.ROOM_CLOSED + ": " + Json.read(json, Messages.Reason.class).reason());
        playing = false;
        seatToken = null;
        if (room instanceof RoomTarget.Quick) {
            join();
        } else {
            stop();
        }
    }

    private void onShutdown() {
        ctx.errors.count(Events.SERVER_SHUTDOWN);
        shutdownNotice = true;
    }

    private void onServerError(String json) {
        ctx.errors.count(Events.SERVER_ERROR + " " + Json.read(json, ErrorInfo.class).code());
    }

    /** The host of a created room starts every round, so its bots keep fighting. */
    private void onRoomUpdate(String json) {
        if (room instanceof RoomTarget.Create && "lobby".equals(Json.read(json, Messages.Room.class).phase())) {
            startRound();
        }
    }

    private void startRound() {
        if (startPending) {
            return;
        }
        startPending = true;
        send(Events.ROOM_START, new JSONObject(), reply -> {
            startPending = false;
            if (reply instanceof Reply.Failed f) {
                ctx.errors.count(Events.ROOM_START + " " + f.code());
            }
        });
    }

    /** Counts why the bot ends early, and ends it. */
    private void fail(String why) {
        ctx.errors.count(why);
        createdCode.completeExceptionally(new IllegalStateException(why));
        stop();
    }

    // ---- plumbing ----

    private void send(String event, JSONObject payload, Consumer<Reply> onReply) {
        ctx.requests.send(socket, event, payload, this::onLane, onReply);
    }

    /**
     * Runs {@code task} on the bot's lane, unless the bot has stopped by then (nothing it would do
     * matters any more). A failure is counted, not lost in a thread's death.
     */
    private void onLane(Runnable task) {
        onLane(task, false);
    }

    /** Like {@link #onLane(Runnable)}, but also after the bot has stopped (the stop's own answers). */
    private void onLaneEvenStopped(Runnable task) {
        onLane(task, true);
    }

    private void onLane(Runnable task, boolean evenStopped) {
        try {
            lane.execute(() -> {
                if (stopped && !evenStopped) {
                    return;
                }
                try {
                    task.run();
                } catch (RejectedExecutionException e) {
                    // The run is over and its executors are shut.
                } catch (RuntimeException e) {
                    ctx.errors.count("bot exception: " + e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            // The run is over and its lanes are shut: late events are of no interest.
        }
    }

    /** Runs {@code task} on the bot's lane after {@code delay}. */
    private void later(Duration delay, Runnable task) {
        ctx.timers.schedule(() -> onLane(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Object first(Object[] args) {
        return args.length == 0 ? null : args[0];
    }
}
