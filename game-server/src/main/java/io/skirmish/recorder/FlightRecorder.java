package io.skirmish.recorder;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.Phase;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One room's flight recorder: a bounded ring of one-second chunks of records, each chunk deflated
 * when it is sealed. A chunk that begins with the game's creation or a checkpoint starts a
 * segment; the ring drops whole segments from its front once the rest still covers the window (or
 * the ring is over its byte bound), so a recording always starts from something replayable.
 *
 * <p>Threading: the record methods are called on the room's game thread only. {@link #recording}
 * may be called from any thread: a live room answers it at its next step, a finished one at once.
 */
public final class FlightRecorder {
    /** A sealed, deflated run of records. */
    private record Chunk(long firstTick, long lastTick, boolean segmentStart, byte[] deflated, int rawLength) {}

    /** What a file is made of: an immutable copy of the ring. */
    record Contents(JsonObject header, List<byte[]> deflatedChunks) {}

    private final String roomId;
    private volatile String gameId = "?";
    private final JsonObject settings;
    private final RecorderConfig cfg;
    private final RecorderStats stats;
    private final RecCodec codec = new RecCodec();
    private int tickRate = 30;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final ArrayDeque<Chunk> ring = new ArrayDeque<>(); // guarded by this
    private long ringBytes; // guarded by this
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean finished;
    private volatile boolean ended;

    // Game thread.
    private ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    private DataOutputStream out = new DataOutputStream(buf);
    private long openFirstTick = -1;
    private long lastTick;
    private boolean openSegmentStart;
    private int openTicks;
    private String map;
    private long seed;
    private long lastCheckpointTick;
    private boolean truncated;

    private record Request(String reason, CompletableFuture<Contents> future) {}

    FlightRecorder(String roomId, JsonObject settings, RecorderConfig cfg, RecorderStats stats) {
        this.roomId = roomId;
        this.settings = settings;
        this.cfg = cfg;
        this.stats = stats;
    }

    public String roomId() {
        return roomId;
    }

    /** Bytes held (sealed chunks, compressed, plus the open chunk). Any thread; approximate while live. */
    public synchronized long bytes() {
        return ringBytes + buf.size();
    }

    /** Bytes of the sealed chunks only (what {@link RecorderStats#bytes()} counts). */
    public synchronized long sealedBytes() {
        return ringBytes;
    }

    /** The ticks the ring covers, {@code [first, last]}; any thread, approximate while live. */
    public synchronized long[] span() {
        if (ring.isEmpty()) return new long[] {openFirstTick, lastTick};
        return new long[] {ring.peekFirst().firstTick(), lastTick};
    }

    boolean finished() {
        return finished;
    }

    // ---- recording (game thread) ------------------------------------------------------------

    void created(Rec.Create c, int tickRate) {
        this.tickRate = tickRate;
        this.gameId = c.game();
        this.map = c.map();
        this.seed = c.seed();
        seal();
        openSegmentStart = true;
        lastCheckpointTick = c.tick();
        codec.inputType(null); // each segment names its input type again
        write(c);
    }

    void write(Rec r) {
        try {
            touch(r.tick());
            codec.write(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void step(long tick, Phase phase, Map<Integer, ? extends List<?>> inputs) {
        try {
            touch(tick);
            for (List<?> l : inputs.values()) {
                for (Object in : l) {
                    if (in.getClass() != codec.inputType()) {
                        codec.inputType(in.getClass());
                        codec.write(out, new Rec.InputType(tick, in.getClass().getName()));
                    }
                }
            }
            codec.writeStep(out, tick, phase, inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a step that did not throw: the hash each second, sealing, checkpoints, trimming, requests. */
    void stepped(long tick, Phase phase, Game<?> game) {
        if ((tick + 1) % tickRate == 0) {
            write(new Rec.Hash(tick, game.stateHash()));
        }
        openTicks++;
        boolean answer = !requests.isEmpty();
        if (openTicks >= tickRate || answer) {
            seal();
            if (tick + 1 - lastCheckpointTick >= (long) cfg.checkpointEvery().toSeconds() * tickRate) {
                lastCheckpointTick = tick + 1;
                openSegmentStart = true;
                codec.inputType(null);
                write(new Rec.Checkpoint(tick + 1, phase, gameId, map, seed, game.save().toString()));
            }
        }
        if (answer) {
            answerRequests("live");
        }
    }

    /** The room's tick threw: the last record; everything is sealed and waiting requests answered. */
    void failed(long tick, boolean inGame, Throwable error) {
        if (finished) return;
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        write(new Rec.Failure(tick, inGame, error.getClass().getName(), String.valueOf(error.getMessage()),
                sw.toString()));
        seal();
        finished = true;
        answerRequests("failed");
    }

    /** The game was disposed (the room closes, or makes a new game for a new map). */
    void gameDisposed() {
        seal();
    }

    /** The room closed: nothing more will be recorded; waiting requests are answered. */
    void ended() {
        seal();
        ended = true;
        answerRequests(finished ? "failed" : "closed");
    }

    private void touch(long tick) {
        if (openFirstTick < 0) openFirstTick = tick;
        lastTick = tick;
    }

    private void seal() {
        if (buf.size() == 0) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] raw = buf.toByteArray();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        byte[] tmp = new byte[Math.max(64, raw.length / 2 + 64)];
        ByteArrayOutputStream z = new ByteArrayOutputStream(tmp.length);
        while (!deflater.finished()) {
            int n = deflater.deflate(tmp);
            z.write(tmp, 0, n);
        }
        byte[] deflated = z.toByteArray();
        Chunk c = new Chunk(openFirstTick, lastTick, openSegmentStart, deflated, raw.length);
        long delta;
        synchronized (this) {
            ring.addLast(c);
            ringBytes += deflated.length;
            delta = deflated.length - trim();
        }
        stats.bytes(delta);
        buf = new ByteArrayOutputStream(Math.max(1024, raw.length + raw.length / 4));
        out = new DataOutputStream(buf);
        openFirstTick = -1;
        openSegmentStart = false;
        openTicks = 0;
    }

    /** Drops whole segments from the front while the rest covers the window; returns the bytes freed. */
    private long trim() {
        long windowTicks = cfg.window().toSeconds() * tickRate;
        long freed = 0;
        while (true) {
            Chunk next = null;
            int index = 0;
            for (Chunk c : ring) {
                if (index++ > 0 && c.segmentStart()) {
                    next = c;
                    break;
                }
            }
            long newest = ring.peekLast().lastTick();
            boolean overBytes = ringBytes > cfg.maxBytesPerRoom();
            if (next == null) {
                if (overBytes && ringBytes > 4 * cfg.maxBytesPerRoom() && ring.size() > 1) {
                    // No checkpoint to restart from (checkpoints much rarer than the bound): keep the newest part anyway.
                    Chunk gone = ring.pollFirst();
                    ringBytes -= gone.deflated().length;
                    freed += gone.deflated().length;
                    truncated = true;
                    continue;
                }
                return freed;
            }
            if (newest - next.firstTick() + 1 < windowTicks && !overBytes) {
                return freed;
            }
            while (ring.peekFirst() != next) {
                Chunk gone = ring.pollFirst();
                ringBytes -= gone.deflated().length;
                freed += gone.deflated().length;
            }
        }
    }

    private void answerRequests(String state) {
        Request r;
        while ((r = requests.poll()) != null) {
            r.future().complete(contents(r.reason(), state));
        }
    }

    // ---- reading (any thread) ----------------------------------------------------------------

    /**
     * The recording as it stands: answered on the game thread at the room's next step, or at once
     * when the room has finished.
     */
    CompletableFuture<Contents> recording(String reason) {
        CompletableFuture<Contents> f = new CompletableFuture<>();
        if (finished || ended) {
            f.complete(contents(reason, finished ? "failed" : "closed"));
            return f;
        }
        requests.add(new Request(reason, f));
        if (finished || ended) {
            answerRequests(finished ? "failed" : "closed");
        }
        return f;
    }

    private synchronized Contents contents(String reason, String state) {
        JsonObject h = new JsonObject();
        h.addProperty("format", "skirmish-recording");
        h.addProperty("version", Recording.VERSION);
        h.addProperty("room", roomId);
        h.addProperty("game", gameId);
        h.add("settings", settings);
        h.addProperty("tickRate", tickRate);
        h.addProperty("reason", reason);
        h.addProperty("roomState", state);
        h.addProperty("writtenAt", Instant.now().toString());
        h.addProperty("firstTick", ring.isEmpty() ? 0 : ring.peekFirst().firstTick());
        h.addProperty("lastTick", ring.isEmpty() ? 0 : ring.peekLast().lastTick());
        h.addProperty("replayable", !truncated);
        List<byte[]> chunks = new ArrayList<>(ring.size());
        for (Chunk c : ring) chunks.add(c.deflated());
        return new Contents(h, chunks);
    }

    /** The file bytes of some contents (inflates each chunk into one gzip stream). */
    static byte[] toFile(Contents c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Recording.write(bytes, c.header(), out -> {
                Inflater inflater = new Inflater();
                byte[] tmp = new byte[1 << 15];
                try {
                    for (byte[] d : c.deflatedChunks()) {
                        inflater.reset();
                        inflater.setInput(d);
                        while (!inflater.finished()) {
                            int n = inflater.inflate(tmp);
                            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                            out.write(tmp, 0, n);
                        }
                    }
                } catch (DataFormatException e) {
                    throw new IOException(e);
                } finally {
                    inflater.end();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Releases the native deflater and the memory count (the room is gone). */
    synchronized void release() {
        stats.bytes(-ringBytes);
        ringBytes = 0;
        ring.clear();
        deflater.end();
    }
}
