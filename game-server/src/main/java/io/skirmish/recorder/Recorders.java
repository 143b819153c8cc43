package io.skirmish.recorder;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameFactory;
import io.skirmish.room.Room;
import io.skirmish.room.RoomSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every room's flight recorder. {@link #wrap} decorates a game factory so that each game it makes
 * records into its room's recorder; recordings of failed rooms are written to the recordings
 * directory (by a background thread, never the game thread) and the last few are kept for download.
 */
public final class Recorders implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recorders.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Failed rooms' recordings kept in memory for download. */
    static final int KEPT_FAILURES = 16;
    private static final long SWEEP_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RecorderConfig cfg;
    private final StateCodec codec;
    private final RecorderStats stats = new RecorderStats();
    private final ConcurrentHashMap<GameContext, FlightRecorder> live = new ConcurrentHashMap<>();
    private final Map<String, byte[]> failedRooms = new LinkedHashMap<>(); // guarded by itself
    private final AtomicInteger anonymous = new AtomicInteger();
    private final ExecutorService writer;
    private final Map<GameContext, String> gameIds = new ConcurrentHashMap<>();

    public Recorders(RecorderConfig cfg, StateCodec codec) {
        this.cfg = cfg;
        this.codec = codec;
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

    /** A factory whose games record themselves; {@code gameId} names the game in recordings. */
    public GameFactory wrap(String gameId, GameFactory factory) {
        return new GameFactory() {
            @Override
            public Game create(String mapId) {
                return new RecordedGame(factory.create(mapId), mapId, Recorders.this, gameId);
            }

            @Override
            public boolean supportsMap(String mapId) {
                return factory.supportsMap(mapId);
            }

            @Override
            public String defaultMap() {
                return factory.defaultMap();
            }
        };
    }

    /** The recorder of a room, if it has one. */
    public Optional<FlightRecorder> of(GameContext room) {
        return Optional.ofNullable(live.get(room));
    }

    /**
     * The recording of a room as file bytes: a live room's as of its next tick, or the one written
     * when it failed. Empty if the server never had (or no longer keeps) a room by that id.
     */
    public Optional<CompletableFuture<byte[]>> recording(GameContext room, String roomId, String reason) {
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

    /** Recordings of failed rooms kept for download, by room id (oldest first). */
    public java.util.List<String> failedRoomIds() {
        synchronized (failedRooms) {
            return java.util.List.copyOf(failedRooms.keySet());
        }
    }

    /** Total bytes held by all rings. */
    public long bytes() {
        sweep();
        return stats.bytes();
    }

    FlightRecorder attach(GameContext ctx, String gameId) {
        sweep();
        FlightRecorder existing = live.get(ctx);
        if (existing != null) {
            existing.revived();
            return existing;
        }
        String id;
        JsonObject settings = new JsonObject();
        if (ctx instanceof Room room) {
            id = room.id();
            RoomSettings s = room.settings();
            settings.addProperty("private", room.isPrivate());
            settings.addProperty("maxPlayers", s.maxPlayers());
            settings.addProperty("roundSeconds", s.roundSeconds());
            settings.addProperty("spectators", s.spectators());
            settings.addProperty("hasPassword", s.hasPassword());
        } else {
            id = "room-" + anonymous.incrementAndGet();
        }
        FlightRecorder r = new FlightRecorder(id, gameId, settings, cfg, codec, stats);
        live.put(ctx, r);
        return r;
    }

    void disposed(FlightRecorder r) {
        // A room changing its map disposes its game and makes a new one at once: swept later if not revived.
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

    /**
     * A room failed outside its game (the room's own code threw): record it like a game failure.
     * Called by the room's failure handler on its game thread.
     */
    public void roomFailed(GameContext room, long tick, Throwable error) {
        FlightRecorder r = live.get(room);
        if (r != null && !r.finished()) {
            failed(r, tick, false, error);
        }
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

    /** Forgets recorders whose room disposed its game and did not make a new one. */
    private void sweep() {
        long now = System.nanoTime();
        live.entrySet().removeIf(e -> {
            FlightRecorder r = e.getValue();
            long at = r.disposedAtNanos();
            if (at >= 0 && now - at > SWEEP_AFTER_NANOS) {
                r.release();
                return true;
            }
            return false;
        });
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
