package io.skirmish.room;

import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameType;
import io.skirmish.loop.Ticker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All live rooms: quick play, private rooms by code, seat tokens, and the limits on guessing codes
 * and passwords. Called on network threads; thread-safe. Rooms do their own work on game threads.
 */
public final class RoomManager implements Room.Host {
    private static final Logger log = LoggerFactory.getLogger(RoomManager.class);

    /** Where rooms run: hands each new room to a game thread, and takes it back when it ends. */
    public interface Scheduler {
        void schedule(Room room);

        void unschedule(Room room);
    }

    /** Limits on wrong codes and passwords. */
    public record GuessLimits(int perConnection, int perAddress, long window, TimeUnit unit) {
        public static GuessLimits defaults() {
            return new GuessLimits(5, 20, 1, TimeUnit.MINUTES);
        }
    }

    private final RoomConfig cfg;
    private final GameCatalog games;
    private final Ticker ticker;
    private final RoomMetrics metrics;
    private final Scheduler scheduler;
    private final JoinCodes codes;
    private final AttemptLimiter perConnection;
    private final AttemptLimiter perAddress;
    private final ConcurrentHashMap<String, Room> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Room> byCode = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Room> byToken = new ConcurrentHashMap<>();
    private final Object quickplayLock = new Object();
    private volatile boolean accepting = true;
    private volatile boolean overloaded;
    private volatile CodeSource codeSource;
    private volatile RoomObserver observer = RoomObserver.NONE;

    public RoomManager(RoomConfig cfg, GameCatalog games, Ticker ticker, RoomMetrics metrics, Scheduler scheduler,
                       JoinCodes codes, GuessLimits limits) {
        this.cfg = cfg;
        this.games = games;
        this.ticker = ticker;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.codes = codes;
        this.perConnection = new AttemptLimiter(ticker, limits.perConnection(), limits.window(), limits.unit());
        this.perAddress = new AttemptLimiter(ticker, limits.perAddress(), limits.window(), limits.unit());
        this.codeSource = codes::newCode;
    }

    /** Replaces where join codes come from (cluster mode: codes claimed for the whole cluster). */
    public void useCodes(CodeSource source) {
        this.codeSource = source;
    }

    /**
     * Sets the observer of rooms created from now on (for example a flight recorder); set it before
     * the server takes players. Its methods run on game threads.
     */
    public void observe(RoomObserver observer) {
        this.observer = observer == null ? RoomObserver.NONE : observer;
    }

    public RoomConfig config() {
        return cfg;
    }

    /** Stops (or resumes) taking new players; rejoins of kept seats are still served. */
    public void setAccepting(boolean accepting) {
        this.accepting = accepting;
    }

    public boolean accepting() {
        return accepting && !overloaded;
    }

    /**
     * Overload policy step 2: while a game thread cannot keep its tick rate, new players are
     * refused ({@code SERVER_FULL}); players already seated, and rejoins, are not affected.
     */
    public void setOverloaded(boolean overloaded) {
        this.overloaded = overloaded;
    }

    public boolean overloaded() {
        return overloaded;
    }

    /** The games rooms can run. */
    public GameCatalog games() {
        return games;
    }

    /** Quick play of the default game. */
    public CompletableFuture<JoinResult> quickplay(Connection conn, String name) {
        return quickplay(conn, name, null);
    }

    /**
     * Joins the fullest public room of the game with a free seat, or a new public room.
     *
     * @param gameId a game quick play offers, or null for its default
     */
    public CompletableFuture<JoinResult> quickplay(Connection conn, String name, String gameId) {
        requireAccepting();
        GameType type = gameId == null ? games.defaultGame() : games.get(gameId);
        if (type == null || !games.quickplay().contains(type.id())) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "quick play offers " + String.join(", ", games.quickplay()));
        }
        Room room;
        synchronized (quickplayLock) {
            room = byId.values().stream()
                    .filter(r -> !r.isPrivate() && r.settings().game().equals(type.id()))
                    .sorted(Comparator.comparingInt(Room::occupancy).reversed())
                    .filter(Room::tryReserve)
                    .findFirst()
                    .orElse(null);
            if (room == null) {
                room = newRoom(null, defaultSettings(type));
                if (!room.tryReserve()) {
                    throw new IllegalStateException("a new room has free seats");
                }
            }
        }
        return seat(room, conn, name);
    }

    /** Creates a private room with a fresh join code and seats its creator as host. */
    public CompletableFuture<JoinResult> create(Connection conn, String name, Request.SettingsPatch patch) {
        requireAccepting();
        GameType type = patch.game() == null ? games.defaultGame() : games.get(patch.game());
        RoomSettings settings = defaultSettings(type == null ? games.defaultGame() : type).apply(patch, games);
        Room[] holder = new Room[1];
        codeSource.next(code -> {
            Room candidate = new Room(codes.newRoomId(), code, settings, cfg, games, ticker, metrics, this, codes, observer);
            if (byCode.putIfAbsent(code, candidate) == null) {
                holder[0] = candidate;
                return true;
            }
            return false;
        });
        Room room = register(holder[0]);
        room.tryReserve();
        return seat(room, conn, name);
    }

    public CompletableFuture<JoinResult> join(Connection conn, String code, String name, String password) {
        requireAccepting();
        Room room = findByCode(conn, code);
        if (room.isLocked()) {
            throw new ProtocolException(ErrorCode.ROOM_LOCKED, "the host locked this room");
        }
        checkPassword(conn, room, password);
        if (!room.tryReserve()) {
            throw new ProtocolException(ErrorCode.ROOM_FULL, "the room is full");
        }
        return seat(room, conn, name);
    }

    public CompletableFuture<JoinResult> spectate(Connection conn, String code, String password) {
        requireAccepting();
        Room room = findByCode(conn, code);
        checkPassword(conn, room, password);
        return room.seatCommands().spectate(conn);
    }

    /** Takes a kept seat back with its token; served while draining too, so nobody loses a seat mid-round. */
    public CompletableFuture<JoinResult> rejoin(Connection conn, String token) {
        Room room = byToken.get(token);
        if (room == null || room.isClosed()) {
            throw new ProtocolException(ErrorCode.SEAT_EXPIRED, "the seat is no longer kept");
        }
        return room.seatCommands().rejoin(conn, token);
    }

    public List<RoomSummary> publicRooms() {
        List<RoomSummary> list = new ArrayList<>();
        for (Room r : byId.values()) {
            if (!r.isPrivate() && !r.isClosed()) {
                list.add(r.summary());
            }
        }
        list.sort(Comparator.comparing(RoomSummary::id));
        return list;
    }

    /** Live rooms in a phase (for monitoring). */
    public long roomsIn(String phase) {
        return byId.values().stream().filter(r -> r.summary().phase().equals(phase)).count();
    }

    /** Spectators across all rooms (for monitoring; as of each room's last tick). */
    public int spectatorCount() {
        return byId.values().stream().mapToInt(r -> r.summary().spectators()).sum();
    }

    public int roomCount() {
        return byId.size();
    }

    /** Seats reserved or taken across all rooms. */
    public int playerCount() {
        return byId.values().stream().mapToInt(Room::occupancy).sum();
    }

    /** A live room by id, or null. */
    public Room room(String id) {
        return byId.get(id);
    }

    public List<Room> rooms() {
        return List.copyOf(byId.values());
    }

    /** Tells every room's members that the server is shutting down. */
    public void announceShutdown() {
        byId.values().forEach(Room::closeForShutdown);
    }

    @Override
    public void tokenRevoked(String token) {
        byToken.remove(token);
    }

    @Override
    public void disposed(Room room) {
        byId.remove(room.id());
        if (room.code() != null) {
            byCode.remove(room.code(), room);
        }
        byToken.values().removeIf(r -> r == room);
        scheduler.unschedule(room);
    }

    private CompletableFuture<JoinResult> seat(Room room, Connection conn, String name) {
        String token = codes.newSeatToken();
        byToken.put(token, room);
        CompletableFuture<JoinResult> f = room.seatCommands().join(conn, name, token);
        f.whenComplete((r, e) -> {
            if (e != null) byToken.remove(token);
        });
        return f;
    }

    private Room findByCode(Connection conn, String code) {
        if (perConnection.blocked(conn) || perAddress.blocked(conn.address())) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many wrong codes or passwords; wait a minute");
        }
        Room room = byCode.get(code);
        if (room == null || room.isClosed()) {
            guessFailed(conn);
            throw new ProtocolException(ErrorCode.ROOM_NOT_FOUND, "no room has that code");
        }
        return room;
    }

    private void checkPassword(Connection conn, Room room, String password) {
        if (!Passwords.matches(room.settings().password(), password)) {
            guessFailed(conn);
            throw new ProtocolException(ErrorCode.BAD_PASSWORD,
                    password == null ? "this room needs a password" : "wrong password");
        }
    }

    private void guessFailed(Connection conn) {
        perConnection.fail(conn);
        perAddress.fail(conn.address());
    }

    private void requireAccepting() {
        if (!accepting) {
            throw new ProtocolException(ErrorCode.SERVER_DRAINING, "the server is shutting down");
        }
        if (overloaded) {
            throw new ProtocolException(ErrorCode.SERVER_FULL, "the server is overloaded; try again soon");
        }
    }

    private RoomSettings defaultSettings(GameType type) {
        int seconds = type.roundSeconds() > 0 ? type.roundSeconds() : (int) cfg.roundLength().toSeconds();
        return new RoomSettings(cfg.defaultCapacity(), seconds, type.id(), type.defaultMap(), true, null);
    }

    // ---- moving rooms between servers (cluster drain; see RoomMove) ---------------------------

    /**
     * Freezes a room (it stops stepping, on its game thread) and gives its image, for
     * {@link #adopt} on another server. {@link #unfreeze} if the move does not happen.
     */
    public CompletableFuture<RawJson> freeze(Room room) {
        return room.submit(null, null, () -> RoomMove.export(room));
    }

    /** The seat tokens of a room's players. */
    public List<String> seatTokens(Room room) {
        List<String> tokens = new ArrayList<>();
        byToken.forEach((token, r) -> {
            if (r == room) tokens.add(token);
        });
        return tokens;
    }

    public void unfreeze(Room room) {
        room.freeze(false);
    }

    /**
     * The room runs on another server now: each connected player gets {@code event} with the payload
     * {@code messageFor(seatToken)} gives (where to go), then the room closes here without a
     * {@code room:closed}.
     */
    public CompletableFuture<RawJson> finishMove(Room room, String event, java.util.function.Function<String, RawJson> messageFor) {
        return room.submit(null, null, () -> {
            for (Seat s : room.members().seats()) {
                Connection c = s.conn;
                if (c != null) c.send(event, messageFor.apply(s.token));
            }
            for (Membership m : room.members().spectators()) {
                m.connection().send(event, messageFor.apply(null)); // spectators follow by code, no seat to reserve
            }
            room.closeMoved();
            return RoomJson.OK;
        });
    }

    /**
     * Continues a room moved here from another server (its image from {@link #freeze}): same id, code,
     * seats (players take them back with {@code room:rejoin}), round and game state.
     *
     * @throws IllegalArgumentException when the image is not valid or its id or code is taken here
     */
    public Room adopt(RawJson image) {
        com.google.gson.JsonObject o = RoomMove.parse(image);
        String id = o.get("id").getAsString();
        String code = RoomMove.code(o);
        Room room = new Room(id, code, RoomMove.settings(o), cfg, games, ticker, metrics, this,
                o.get("seed").getAsLong(), observer);
        java.util.List<String> tokens = RoomMove.restore(room, o);
        if (byId.putIfAbsent(id, room) != null) {
            throw new IllegalArgumentException("a room with that id runs here");
        }
        if (code != null && byCode.putIfAbsent(code, room) != null) {
            byId.remove(id, room);
            throw new IllegalArgumentException("a room with that code runs here");
        }
        tokens.forEach(t -> byToken.put(t, room));
        metrics.roomLifecycle("adopted");
        log.info("room adopted room={} private={} seats={}", id, room.isPrivate(), tokens.size());
        scheduler.schedule(room);
        return room;
    }

    private Room newRoom(String code, RoomSettings settings) {
        return register(new Room(codes.newRoomId(), code, settings, cfg, games, ticker, metrics, this, codes, observer));
    }

    private Room register(Room room) {
        byId.put(room.id(), room);
        metrics.roomLifecycle("created");
        log.info("room created room={} private={} game={} capacity={}", room.id(), room.isPrivate(),
                room.settings().game(), room.settings().maxPlayers());
        scheduler.schedule(room);
        return room;
    }
}
