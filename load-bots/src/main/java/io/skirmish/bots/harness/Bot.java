package io.skirmish.bots.harness;

import io.skirmish.bots.behaviour.Behaviours;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.net.ErrorInfo;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.net.Messages;
import io.skirmish.bots.net.Reply;
import io.skirmish.bots.net.Wire;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.RoleStats;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.snapshot.SnapshotText;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * One simulated player (or spectator): connects, syncs its clock, joins, plays its behaviour at
 * the server's tick rate ({@link InputSender}), measures its snapshots ({@link SnapshotIntake}),
 * rejoins its seat after a dropped connection, and leaves when stopped. This class is the
 * connection and room side: the socket's life, joining, and the server's room events.
 *
 * <p><b>Threading:</b> socket.io callbacks and {@link Wire} events only pass the event on to the
 * bot's {@link BotLane}, where all its state changes happen.
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
    private final BotLane lane;
    private final SplittableRandom rng;
    private final SplittableRandom behaviourRng;
    private final BotTally tally = new BotTally();
    private final Wire wire;
    private final ClockSync clockSync = new ClockSync();
    private final SnapshotIntake snapshots;
    private final InputSender inputs;
    private final CompletableFuture<String> createdCode = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Completes once the bot has left its room and its connection has ended ({@link #stop()}). */
    private final CompletableFuture<Void> gone = new CompletableFuture<>();

    // Lane-confined.
    private String seatToken;
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
    /** Cluster: the reservation to add to the next join request, on the node a move sent the bot to. */
    private String reservation;
    /** Cluster: a move is under way (until the bot is in again): the left node's goodbyes are not news. */
    private boolean moving;

    // Shared with the ticker and the harness.
    private volatile Socket socket;
    private volatile boolean playing;
    private volatile boolean stopped;
    /** The room's code (or id) it is in, for the per-room breakdown. */
    private volatile String roomKey;
    /** The server it speaks to: {@code --url}, or the node a cluster sent it to ({@code MOVED}, drain). */
    private volatile URI node;

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
        this.lane = new BotLane(ctx.lanes.forBot(index), ctx, () -> stopped);
        this.rng = rng;
        this.behaviourRng = rng.split();
        this.wire = ctx.sockets.wire(tally.traffic, this::onServerEvent);
        InputAcks acks = new InputAcks(MAX_PENDING_INPUTS);
        RoleStats stats = ctx.stats(role);
        this.snapshots = new SnapshotIntake(ctx, stats, tally, clockSync, acks, role == Role.PLAYER);
        this.inputs = new InputSender(ctx, wire, acks, () -> playing, snapshots::view);
    }

    /** Connects; everything else follows from the socket's events. */
    void start() {
        if (stopped) {
            return; // the run ended before this bot's turn came
        }
        tally.startNanos = System.nanoTime();
        open(ctx.sockets.url());
    }

    /** A socket to {@code server}, listened to on the lane, connecting. */
    private void open(URI server) {
        node = server;
        Socket s = ctx.sockets.create(wire, server);
        socket = s;
        s.on(Socket.EVENT_CONNECT, a -> lane.run(this::onConnect));
        s.on(Socket.EVENT_DISCONNECT, a -> lane.run(() -> onDisconnect(String.valueOf(first(a)))));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> lane.run(() -> onConnectError(first(a))));
        s.io().on(Manager.EVENT_RECONNECT_FAILED, a -> lane.run(() -> fail("reconnect failed")));
        s.connect();
    }

    /**
     * Ends the bot (at the end of the run, or when it gives up): leaves its room, then disconnects.
     * Any thread; {@link #gone()} tells when it is done.
     */
    void stop() {
        stopped = true;
        playing = false;
        inputs.cancel();
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

    /** Completes with the code of the room this bot created ({@link RoomTarget.Create} only). */
    CompletableFuture<String> createdCode() {
        return createdCode;
    }

    boolean playing() {
        return playing;
    }

    /** Whether the bot has got in (its first join answered) or given up: the ramp is over for it. */
    boolean settled() {
        return tally.joinedNanos != 0 || stopped;
    }

    Role role() {
        return role;
    }

    /** What the bot saw, with its rates taken up to {@code endNanos} (see {@link BotTally#summary}). */
    BotSummary summary(long endNanos) {
        return tally.summary(index, name, role, roomKey, node == null ? null : node.toString(), endNanos,
                ctx.measuringSinceNanos);
    }

    // ---- stopping (lane) ----

    /** Leaves the room and closes once the answer came; waits for a pending join's answer first. */
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

    // ---- connection (lane) ----

    private void onConnect() {
        connection++;
        clockSync.restartBurst();
        syncClock(connection);
        join();
    }

    private void onDisconnect(String reason) {
        playing = false;
        snapshots.reset();
        tally.disconnects.incrementAndGet();
        ctx.errors.count("disconnect: " + reason);
        reconnecting = true;
        if (!SERVER_DISCONNECT.equals(reason)) {
            return; // the library reconnects
        }
        if (shutdownNotice) {
            lane.later(AFTER_SHUTDOWN, () -> socket.connect()); // like a browser, come back after a restart
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
            if (conn != connection) {
                return; // asked on a connection a cluster move left behind: the new one has its own chain
            }
            if (reply instanceof Reply.Ok ok) {
                Messages.TimeSync answer = Json.read(ok.body(), Messages.TimeSync.class);
                clockSync.sample(sentMs, ctx.clock.millisAt(ok.receivedNanos()), answer.serverTime());
            } else {
                ctx.errors.count(Events.TIME_SYNC + " " + ((Reply.Failed) reply).code());
            }
            lane.later(Duration.ofMillis(clockSync.nextDelayMs()), () -> syncClock(conn));
        });
    }

    // ---- joining (lane) ----

    private void join() {
        String event = JoinRequest.event(seatToken, role, room, createdCode.isDone());
        JSONObject payload = JoinRequest.payload(event, name, seatToken, code(), ctx.config, reservation);
        reservation = null; // single-use
        joinPending = true;
        // Answered on the lane even after a stop: a seat it gives must be left (onJoinReply).
        ctx.requests.send(socket, event, payload, lane::runEvenStopped, reply -> onJoinReply(event, reply));
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
        if (reply instanceof Reply.Moved moved) {
            moveTo(moved.url(), moved.reservation()); // the same request again, there
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
            lane.later(delay.get(), retry);
        } else {
            fail("gave up after " + failedAttempts + " attempts");
        }
    }

    private void onJoined(Messages.JoinAnswer answer) {
        long now = System.nanoTime();
        failedAttempts = 0;
        moving = false;
        snapshots.useGame(answer.game());
        Messages.Game game = snapshots.game();
        ctx.game.compareAndSet(null, game);
        Integer id = null;
        if (answer.you() != null && answer.you().id() != null) {
            id = answer.you().id();
            seatToken = answer.you().seatToken();
        }
        String key = answer.room() == null ? null
                : answer.room().code() != null ? answer.room().code() : answer.room().id();
        boolean newRoom = key != null && !key.equals(roomKey);
        if (newRoom) {
            roomKey = key;
        }
        snapshots.joined(id, newRoom ? ctx.rooms.of(key) : null);
        if (tally.joinedNanos == 0) {
            tally.joinedNanos = now;
            ctx.stats(role).connectJoin.recordNanos(now - tally.startNanos);
        } else if (reconnecting) {
            tally.reconnects.incrementAndGet();
        }
        reconnecting = false;
        shutdownNotice = false;
        playing = true;
        if (role == Role.PLAYER) {
            inputs.begin(() -> Behaviours.create(gameId(answer), ctx.config.behaviour(), behaviourRng), game.tickRate());
        }
        if (room instanceof RoomTarget.Create && !createdCode.isDone()) {
            createdCode.complete(answer.room().code());
            startRound();
        }
    }

    /** The game id the join answer names ({@code room.game}, else {@code game.id}); null: the default game. */
    private static String gameId(Messages.JoinAnswer answer) {
        if (answer.room() != null && answer.room().gameId() != null) {
            return answer.room().gameId();
        }
        return answer.game() == null ? null : answer.game().id();
    }

    // ---- server events (lane) ----

    /** From the {@link Wire}, on the connection's reader thread: only hands the event on. */
    private void onServerEvent(String name, String json, long receivedNanos) {
        lane.run(() -> {
            switch (name) {
                case Events.SNAPSHOT -> {
                    if (playing) snapshots.plain(json, receivedNanos);
                }
                case SnapshotText.EVENT -> {
                    if (playing) snapshots.compact(json, receivedNanos);
                }
                case Events.ROOM_KICKED -> onKicked();
                case Events.ROOM_CLOSED -> onRoomClosed(json);
                case Events.SERVER_SHUTDOWN -> onShutdown(json);
                case Events.SERVER_ERROR -> ctx.errors.count(Events.SERVER_ERROR + " " + Json.read(json, ErrorInfo.class).code());
                case Events.ROOM_UPDATE -> onRoomUpdate(json);
                case Events.GAME_INFO -> snapshots.useGame(Json.read(json, Messages.Game.class)); // the host changed the map
                default -> { } // game:event and the like: counted as traffic, not needed to play
            }
        });
    }

    private void onKicked() {
        tally.kicks.incrementAndGet();
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

    /**
     * A drain. With {@code moveTo} (cluster: the room moved to another node) the bot follows the room:
     * a player takes its seat back there ({@code room:rejoin {seatToken, reservation}}), a spectator
     * watches the same room by its code. Without, it rides out the restart.
     */
    private void onShutdown(String json) {
        Messages.Shutdown notice = Json.read(json, Messages.Shutdown.class);
        Messages.MoveTo to = notice == null ? null : notice.moveTo();
        if (to != null && to.url() != null && (seatToken != null || role == Role.SPECTATOR)) {
            moveTo(to.url(), to.reservation());
            return;
        }
        if (moving) {
            // The drained node's goodbye to everyone, sent after the move and read before the new connection
            // replaced the old one on the wire: this bot is already on its way elsewhere.
            return;
        }
        ctx.errors.count(Events.SERVER_SHUTDOWN);
        shutdownNotice = true;
    }

    /**
     * Cluster: leaves this node's connection and connects to {@code url}, where the next join request
     * (the same one, or the seat's rejoin) carries {@code reservation}. Not a reconnect: counted as a move.
     */
    private void moveTo(String url, String moveReservation) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            fail("moveTo.url unreadable");
            return;
        }
        tally.moves.incrementAndGet();
        moving = true;
        playing = false;
        snapshots.reset();
        reservation = moveReservation;
        Socket old = socket;
        old.off(); // its disconnect is ours, not a dropped connection
        old.io().off();
        old.close();
        open(target);
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

    private void send(String event, JSONObject payload, Consumer<Reply> onReply) {
        ctx.requests.send(socket, event, payload, lane::run, onReply);
    }

    private static Object first(Object[] args) {
        return args.length == 0 ? null : args[0];
    }
}
