package io.skirmish.recorder;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameFactory;
import io.skirmish.game.GameType;
import io.skirmish.room.Room;
import io.skirmish.room.RoomObserver;
import io.skirmish.room.RoomSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every room's flight recorder. Install both halves: {@link #wrap} decorates the game factory so
 * that each game records the calls its room makes into it, and this, as the rooms' {@link
 * RoomObserver}, ties each game to its room and adds the host's and operator's commands.
 * Recordings of failed rooms are written to the recordings directory by a background thread (never
 * the game thread), and the last few are kept for download.
 */
public final class Recorders implements RoomObserver, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorders.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Failed rooms' recordings kept in memory for download. */
    static final int KEPT_FAILURES = 16;

    private final RecorderConfig cfg;
    private final RecorderStats stats = new RecorderStats();
    private final ConcurrentHashMap<Room, FlightRecorder> live = new ConcurrentHashMap<>();
    private final Map<String, byte[]> failedRooms = new LinkedHashMap<>(); // guarded by itself
    /** The game a room just created on this thread, until the room says which room it is. */
    private final ThreadLocal<RecordedGame<?>> justCreated = new ThreadLocal<>();
    private final ExecutorService writer;

    public Recorders(RecorderConfig cfg) {
        this.cfg = cfg;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "recorder-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public RecorderConfig config() {
        return cfg;
    }

    public RecorderStats stats() {
        return stats;
    }

    /** The same games, each recording itself into its room's recorder. */
    public GameCatalog wrap(GameCatalog catalog) {
        GameType[] types = catalog.all().stream()
                .map(t -> new GameType(t.id(), t.name(), t.maps(), t.roundSeconds(), wrap(t.factory())))
                .toArray(GameType[]::new);
        return GameCatalog.of(types).withQuickplay(catalog.quickplay());
    }

    /** A factory whose games record themselves into their room's recorder. */
    public GameFactory wrap(GameFactory factory) {
        return mapId -> recorded(factory.create(mapId), mapId);
    }

    private <I> Game<I> recorded(Game<I> game, String map) {
        return new RecordedGame<>(game, map, this);
    }

    /** The recorder of a live room, if it has one. */
    public Optional<FlightRecorder> of(Room room) {
        return room == null ? Optional.empty() : Optional.ofNullable(live.get(room));
    }

    /**
     * The recording of a room as file bytes: a live room's as of its next tick, or the one written
     * when it failed. Empty if the server never had (or no longer keeps) a room by that id.
     */
    public Optional<CompletableFuture<byte[]>> recording(Room room, String roomId, String reason) {
        FlightRecorder r = room == null ? null : live.get(room);
        if (r == null) {
            byte[] saved;
            synchronized (failedRooms) {
                saved = failedRooms.get(roomId);
            }
            return saved == null ? Optional.empty() : Optional.of(CompletableFuture.completedFuture(saved));
        }
        return Optional.of(r.recording(reason).thenApplyAsync(c -> {
            stats.wroteOne();
            return FlightRecorder.toFile(c);
        }, writer));
    }

    /** Rooms whose failure recordings are kept for download (oldest first). */
    public List<String> failedRoomIds() {
        synchronized (failedRooms) {
            return List.copyOf(failedRooms.keySet());
        }
    }

    /** Total bytes held by all rings. */
    public long bytes() {
        return stats.bytes();
    }

    // ---- the room's side (game thread, or the thread creating the room) ------------------------

    void created(RecordedGame<?> game) {
        justCreated.set(game);
    }

    @Override
    public void gameStarted(Room room, long tick, String game, String map, long seed) {
        RecordedGame<?> g = justCreated.get();
        justCreated.remove();
        if (g == null) return; // a game this factory did not make
        FlightRecorder r = live.computeIfAbsent(room, k -> new FlightRecorder(room.id(), settings(room), cfg, stats));
        long t0 = System.nanoTime();
        g.bind(r, game);
        stats.spent(System.nanoTime() - t0);
    }

    @Override
    public void command(Room room, long tick, String command, int playerId) {
        FlightRecorder r = live.get(room);
        if (r != null && !r.finished()) {
            r.write(new Rec.Note(tick, playerId > 0 ? command + " by player " + playerId : command));
        }
    }

    /**
     * The room's tick threw. A throw in the game was recorded where it happened (see {@link
     * RecordedGame}); this records one in the room's own machinery around the game, with its exception.
     */
    @Override
    public void failed(Room room, long tick, Throwable error) {
        FlightRecorder r = live.get(room);
        if (r == null || r.finished()) return;
        try {
            failed(r, tick, false, error);
        } catch (RuntimeException e) {
            broken(r, e);
        }
    }

    @Override
    public void closed(Room room, long tick, String reason) {
        FlightRecorder r = live.get(room);
        if (r == null) return;
        if (reason.equals("error") && !r.finished()) {
            // Only when the room could not say why (it always does: see failed).
            failed(r, tick, false, new IllegalStateException("the room's tick threw outside its game (see the server log)"));
        }
        r.ended();
        live.remove(room);
        r.release();
    }

    /** A recorder threw (a bug, or inputs it cannot write): its room plays on unrecorded from here. */
    void broken(FlightRecorder r, RuntimeException e) {
        stats.brokeOne();
        log.warn("flight recorder of room {} stopped: {}", r == null ? "?" : r.roomId(), e.toString());
        if (r != null) {
            live.values().remove(r);
            r.release();
        }
    }

    /** A room's tick threw: seal its recorder and write the recording in the background. */
    void failed(FlightRecorder r, long tick, boolean inGame, Throwable error) {
        if (r.finished()) return;
        r.failed(tick, inGame, error);
        r.recording("failure").thenAcceptAsync(c -> {
            byte[] file = FlightRecorder.toFile(c);
            stats.wroteOne();
            synchronized (failedRooms) {
                failedRooms.put(r.roomId(), file);
                while (failedRooms.size() > KEPT_FAILURES) {
                    failedRooms.remove(failedRooms.keySet().iterator().next());
                }
            }
            Path path = save(r.roomId(), file);
            log.warn("flight recording of failed room written room={} tick={} bytes={} file={}", r.roomId(), tick,
                    file.length, path == null ? "(memory only)" : path);
        }, writer);
    }

    private static JsonObject settings(Room room) {
        JsonObject settings = new JsonObject();
        RoomSettings s = room.settings();
        settings.addProperty("private", room.isPrivate());
        settings.addProperty("maxPlayers", s.maxPlayers());
        settings.addProperty("roundSeconds", s.roundSeconds());
        settings.addProperty("map", s.map());
        settings.addProperty("spectators", s.spectators());
        settings.addProperty("hasPassword", s.hasPassword());
        settings.addProperty("seed", room.seed());
        return settings;
    }

    private Path save(String roomId, byte[] file) {
        if (cfg.dir() == null) return null;
        try {
            Files.createDirectories(cfg.dir());
            Path p = cfg.dir().resolve("room-" + roomId + "-" + FILE_TIME.format(Instant.now()) + ".skrec.gz");
            Files.write(p, file);
            return p;
        } catch (IOException e) {
            log.warn("could not write flight recording of room {}: {}", roomId, e.toString());
            return null;
        }
    }

    /** Waits for recordings being written (tests, shutdown). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
