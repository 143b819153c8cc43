package io.skirmish.recorder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A flight recording as a file: gzip of {@code SKREC}, the format version, a JSON header (room,
 * game, tick rate, why it was written), then the records, then an end
 * marker. The header and records hold no seat tokens, passwords or addresses.
 *
 * @param header {@code format, version, room, game, settings, tickRate, reason, roomState, writtenAt, firstTick, lastTick, replayable}
 */
public record Recording(JsonObject header, List<Rec> records) {
    static final byte[] MAGIC = "SKREC".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;

    public int tickRate() {
        return header.get("tickRate").getAsInt();
    }

    public String game() {
        return header.get("game").getAsString();
    }

    /** The recording's records with one replaced (for tests and tools); the header is shared. */
    public Recording with(int index, Rec replacement) {
        List<Rec> copy = new ArrayList<>(records);
        copy.set(index, replacement);
        return new Recording(header, copy);
    }

    /** Writes the header, the raw record bytes produced by {@code body}, and the end marker as gzip. */
    static void write(OutputStream out, JsonObject header, Body body) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gz);
        data.write(MAGIC);
        data.writeInt(VERSION);
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        data.writeInt(h.length);
        data.write(h);
        body.writeTo(data);
        data.writeByte(RecCodec.END);
        data.flush();
        gz.finish();
    }

    /** Writes the raw records. */
    interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** This recording as file bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            RecCodec codec = new RecCodec();
            write(bytes, header, out -> {
                for (Rec r : records) codec.write(out, r);
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static Recording read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Recording read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a Skirmish flight recording");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("recording format version " + version + " (this server reads " + VERSION + ")");
        }
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) throw new IOException("bad header length " + n);
        byte[] h = new byte[n];
        in.readFully(h);
        JsonObject header = JsonParser.parseString(new String(h, StandardCharsets.UTF_8)).getAsJsonObject();
        List<Rec> records = new ArrayList<>();
        RecCodec codec = new RecCodec();
        Rec r;
        while ((r = codec.read(in)) != null) {
            records.add(r);
        }
        return new Recording(header, records);
    }
}
