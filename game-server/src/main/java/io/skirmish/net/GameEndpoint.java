package io.skirmish.net;

import com.google.gson.JsonObject;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import io.skirmish.protocol.RequestDecoder;
import io.skirmish.room.JoinResult;
import io.skirmish.room.Membership;
import io.skirmish.room.Passwords;
import io.skirmish.room.RawJson;
import io.skirmish.room.RoomManager;
import io.skirmish.transport.Ack;
import io.skirmish.transport.Json;
import io.skirmish.transport.Namespace;
import io.skirmish.transport.Socket;
import io.skirmish.transport.SocketIoServer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game protocol on the default namespace: decodes and validates each event on the Netty I/O
 * thread, hands it to the rooms, and sends the ack when the room's game thread has answered.
 * Nothing here touches game state.
 */
public final class GameEndpoint {
    private static final Logger log = LoggerFactory.getLogger(GameEndpoint.class);
    private static final long INPUT_ERROR_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    /** Every event this endpoint handles. */
    public static final Set<String> EVENTS = Stream.concat(Events.REQUESTS.stream(), Stream.of(Events.INPUT))
            .collect(Collectors.toUnmodifiableSet());

    private final RoomManager rooms;
    private final Ticker ticker;
    private final NetMetrics metrics;
    private final ConcurrentHashMap<UUID, Session> sessions = new ConcurrentHashMap<>();
    private final NetLimits limits;
    private final PasswordWork hashing;
    private final RoomQuota quota;
    private volatile RequestRouter router = RequestRouter.LOCAL;
    /** The transport's message budgets by session (see {@link #eventBudgets}). */
    private volatile Function<UUID, EventBudget> budgets = id -> null;

    public GameEndpoint(RoomManager rooms, Ticker ticker, NetMetrics metrics) {
        this(rooms, ticker, metrics, NetLimits.defaults());
    }

    public GameEndpoint(RoomManager rooms, Ticker ticker, NetMetrics metrics, NetLimits limits) {
        this.rooms = rooms;
        this.ticker = ticker;
        this.metrics = metrics;
        this.limits = limits;
        this.hashing = new PasswordWork(limits.hashThreads(), limits.hashQueue(), metrics);
        this.quota = new RoomQuota(limits.maxRoomsPerConnection(), limits.maxRoomsPerAddress(), metrics);
        metrics.gauge("skirmish_rooms_created_live", "Live rooms counted against the per-connection and per-address caps",
                quota::live);
    }

    /** Registers the listeners; call before the server starts. */
    public void register(SocketIoServer server) {
        Namespace main = server.namespace();
        // The protocol version is checked on CONNECT, before the client is in the namespace.
        main.authorize((auth, handshake) -> ProtocolVersion.check(auth, handshake, metrics));
        main.onConnect(client -> {
            sessions.put(client.sessionId(), new Session(client, metrics, limits.passwordChangesPerMinute(),
                    id -> budgets.apply(id)));
            metrics.connectionOpened();
        });
        main.onDisconnect(client -> {
            Session s = sessions.remove(client.sessionId());
            if (s == null) {
                return;
            }
            metrics.connectionClosed();
            s.closed = true;
            quota.forget(s);
            Membership m = s.membership;
            if (m != null && m.active()) {
                m.disconnected();
            }
        });
        for (String event : Events.REQUESTS) {
            main.on(event, (client, args, ack) -> onRequest(event, client, first(args), ack));
        }
        main.on(Events.INPUT, (client, args, ack) -> onInput(client, first(args)));
    }

    /**
     * Where each session's inbound message budget is found (the socket server's), so that a player's
     * rate-limit state shows on the operator's console.
     */
    public void eventBudgets(Function<UUID, EventBudget> budgets) {
        this.budgets = budgets;
    }

    /** Decides where requests are served (cluster mode); call before the server starts. */
    public void route(RequestRouter router) {
        this.router = router;
    }

    /** Live connections. */
    public int connections() {
        return sessions.size();
    }

    /** Sends an event to every connected client (for example {@code server:shutdown}). */
    public void broadcast(String event, RawJson payload) {
        sessions.values().forEach(s -> s.send(event, payload));
    }

    /** Disconnects every client. */
    public void disconnectAll() {
        sessions.values().forEach(Session::close);
    }

    /** An event's payload: its first argument, or null when it has none. */
    private static Object first(List<Object> args) {
        return args.isEmpty() ? null : args.get(0);
    }

    private void onInput(Socket client, Object data) {
        metrics.eventIn(Events.INPUT);
        Session s = sessions.get(client.sessionId());
        if (s == null) {
            return;
        }
        String dropped;
        try {
            Request.Input in = (Request.Input) RequestDecoder.decode(Events.INPUT, data);
            Membership m = s.membership;
            dropped = m == null ? "not_in_room" : m.offerInput(in);
        } catch (ProtocolException e) {
            dropped = "bad_request";
            long now = ticker.nanoTime();
            if (now - s.lastInputErrorNanos >= INPUT_ERROR_INTERVAL) {
                s.lastInputErrorNanos = now;
                s.send(Events.SERVER_ERROR, errorEvent(e.code(), "input: " + e.getMessage()));
            }
        }
        if (dropped != null) {
            s.rejectedInputs.incrementAndGet();
            metrics.rejected(Events.INPUT, dropped);
        }
    }

    private void onRequest(String event, Socket client, Object data, Ack ack) {
        metrics.eventIn(event);
        Session s = sessions.get(client.sessionId());
        if (s == null) {
            return;
        }
        CompletableFuture<RawJson> answer;
        try {
            Request req = RequestDecoder.decode(event, data);
            answer = router.route(s, event, req, data, () -> {
                try {
                    return dispatch(s, req);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((ok, err) -> {
            RawJson reply = ok != null ? ok : failure(event, err);
            if (ack.requested()) {
                ack.send(Json.of(reply.json()));
            }
        });
    }

    private RawJson failure(String event, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof ProtocolException pe) {
            metrics.rejected(event, pe.code().name());
            return error(pe.code(), pe.getMessage());
        }
        String incident = Long.toHexString(ticker.nanoTime());
        log.error("request {} failed, incident {}", event, incident, cause);
        metrics.rejected(event, ErrorCode.INTERNAL.name());
        return error(ErrorCode.INTERNAL, "server error, incident " + incident);
    }

    private CompletableFuture<RawJson> dispatch(Session s, Request req) {
        if (req instanceof Request.TimeSync ts) {
            JsonObject o = new JsonObject();
            o.addProperty("t", ts.t());
            o.addProperty("serverTime", ticker.wallMillis());
            return CompletableFuture.completedFuture(new RawJson(o.toString()));
        }
        if (req instanceof Request.QuickPlay q) {
            return joining(s, () -> rooms.quickplay(s, q.name(), q.game()));
        }
        if (req instanceof Request.Create c) {
            return create(s, c);
        }
        if (req instanceof Request.Join j) {
            return joining(s, hashed(j.password(), () -> rooms.join(s, j.code(), j.name(), j.password())));
        }
        if (req instanceof Request.Spectate sp) {
            return joining(s, hashed(sp.password(), () -> rooms.spectate(s, sp.code(), sp.password())));
        }
        if (req instanceof Request.Rejoin r) {
            return joining(s, () -> rooms.rejoin(s, r.seatToken()));
        }
        Membership m = s.membership;
        if (m == null || !m.active()) {
            throw new ProtocolException(ErrorCode.NOT_IN_ROOM, "you are not in a room");
        }
        if (req instanceof Request.Leave) {
            s.membership = null;
            return m.leave();
        }
        if (req instanceof Request.Ready r) {
            return m.ready(r.ready());
        }
        if (req instanceof Request.Settings st) {
            return changeSettings(s, m, st.patch());
        }
        if (req instanceof Request.Start) {
            return m.start();
        }
        if (req instanceof Request.Kick k) {
            return m.kick(k.playerId());
        }
        if (req instanceof Request.Lock l) {
            return m.lock(l.locked());
        }
        if (req instanceof Request.TransferHost t) {
            return m.transferHost(t.playerId());
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST, "not a request");
    }

    /** A request that carries a password runs on the hashing pool (PBKDF2 is slow); others where they are. */
    private <T> Supplier<CompletableFuture<T>> hashed(String password, Supplier<CompletableFuture<T>> work) {
        return password == null || password.isEmpty() ? work : () -> hashing.submit(work);
    }

    /** {@code room:create}, within the caps on live rooms per connection and per address. */
    private CompletableFuture<RawJson> create(Session s, Request.Create c) {
        String[] why = new String[1];
        RoomQuota.Slot slot = quota.admit(s, s.address(), why);
        if (slot == null) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, why[0]);
        }
        Supplier<CompletableFuture<JoinResult>> create = hashed(c.settings().password(),
                () -> rooms.create(s, c.name(), c.settings()));
        try {
            return joining(s, () -> create.get().whenComplete((r, err) -> {
                if (err != null) quota.failed(slot);
                else quota.created(slot, r.membership().room());
            }));
        } catch (RuntimeException e) {
            quota.failed(slot);
            throw e;
        }
    }

    /** A host's settings change: a new password is rate-limited and hashed on the hashing pool, never on the game thread. */
    private CompletableFuture<RawJson> changeSettings(Session s, Membership m, Request.SettingsPatch patch) {
        String pw = patch.password();
        if (pw == null) {
            return m.settings(patch, null);
        }
        if (!s.passwordRate.tryChange(ticker.nanoTime())) {
            metrics.limitHit("password_rate");
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many password changes; wait a minute");
        }
        if (pw.isEmpty()) {
            return m.settings(patch, null);
        }
        return hashing.submit(() -> m.settings(patch, Passwords.hash(pw)));
    }

    /**
     * Runs a join of any kind: one at a time per client. The room the client was in is left only
     * once the new join succeeded (a refused join keeps the client where it was), and not at all when
     * the join gave back the very seat it holds (a rejoin on the same connection). The membership is
     * recorded before the ack goes out, so the client's next event already finds it.
     */
    private CompletableFuture<RawJson> joining(Session s, Supplier<CompletableFuture<JoinResult>> join) {
        if (!s.joining.compareAndSet(false, true)) {
            throw new ProtocolException(ErrorCode.BAD_STATE, "a join is already in progress");
        }
        Membership old = s.membership;
        CompletableFuture<JoinResult> f;
        try {
            f = join.get();
        } catch (RuntimeException e) {
            s.joining.set(false);
            throw e;
        }
        return f.handle((result, err) -> {
            s.joining.set(false);
            if (err != null) {
                throw err instanceof CompletionException ce ? ce : new CompletionException(err);
            }
            Membership now = result.membership();
            s.membership = now;
            if (old != null && !now.sameSeat(old) && old.active()) {
                old.leave();
            }
            if (s.closed) {
                now.disconnected();
            }
            return result.ack();
        });
    }

    private static RawJson errorEvent(ErrorCode code, String message) {
        return new RawJson(errorObject(code, message).toString());
    }

    private static JsonObject errorObject(ErrorCode code, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("code", code.name());
        e.addProperty("message", message);
        return e;
    }

    private static RawJson error(ErrorCode code, String message) {
        JsonObject e = errorObject(code, message);
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.add("error", e);
        return new RawJson(o.toString());
    }
}
