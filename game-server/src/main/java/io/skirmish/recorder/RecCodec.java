package io.skirmish.recorder;

import io.skirmish.game.Phase;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of {@link Rec}s: one tag byte, the tick and the phase, then the entry's fields.
 * A game's inputs are written by the {@link InputCodec} of the class named by the last
 * {@link Rec.InputType}, so the codec keeps that class as state: one codec per stream.
 */
final class RecCodec {
    private static final int CREATE = 1, CHECKPOINT = 2, JOIN = 3, LEAVE = 4, ROUND_START = 5, ROUND_END = 6,
            STEP = 7, HASH = 8, NOTE = 9, FAILURE = 10, INPUT_TYPE = 11;
    static final int END = 0;
    private static final Phase[] PHASES = Phase.values();

    private Class<?> inputType;

    /** The class named by an {@link Rec.InputType}: the game's classes are on this server's class path. */
    private static Class<?> load(String name) throws IOException {
        try {
            return Class.forName(name, false, RecCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("the recording's inputs are of an unknown class " + name);
        }
    }

    void write(DataOutputStream out, Rec r) throws IOException {
        if (r instanceof Rec.Create c) {
            head(out, CREATE, c.tick(), c.phase());
            out.writeUTF(c.game());
            out.writeUTF(c.map());
            out.writeLong(c.seed());
        } else if (r instanceof Rec.Checkpoint c) {
            head(out, CHECKPOINT, c.tick(), c.phase());
            out.writeUTF(c.game());
            out.writeUTF(c.map());
            out.writeLong(c.seed());
            byte[] b = c.state().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (r instanceof Rec.InputType t) {
            head(out, INPUT_TYPE, t.tick(), null);
            out.writeUTF(t.className());
            inputType = load(t.className());
        } else if (r instanceof Rec.Join j) {
            head(out, JOIN, j.tick(), j.phase());
            out.writeInt(j.player());
            out.writeUTF(j.name());
        } else if (r instanceof Rec.Leave l) {
            head(out, LEAVE, l.tick(), l.phase());
            out.writeInt(l.player());
        } else if (r instanceof Rec.RoundStart s) {
            head(out, ROUND_START, s.tick(), s.phase());
            out.writeInt(s.round());
            out.writeLong(s.endsAtMillis());
        } else if (r instanceof Rec.RoundEnd e) {
            head(out, ROUND_END, e.tick(), e.phase());
            out.writeInt(e.round());
        } else if (r instanceof Rec.Step s) {
            writeStep(out, s.tick(), s.phase(), s.inputs());
        } else if (r instanceof Rec.Hash h) {
            head(out, HASH, h.tick(), null);
            out.writeLong(h.hash());
        } else if (r instanceof Rec.Note n) {
            head(out, NOTE, n.tick(), null);
            out.writeUTF(clip(n.text(), 2000));
        } else if (r instanceof Rec.Failure f) {
            head(out, FAILURE, f.tick(), null);
            out.writeBoolean(f.inGame());
            out.writeUTF(f.type());
            out.writeUTF(clip(f.message(), 2000));
            out.writeUTF(clip(f.stack(), 20000));
        } else {
            throw new IllegalArgumentException("unknown record " + r);
        }
    }

    /** A step, written straight from the room's map; inputs of the current {@link Rec.InputType}. */
    void writeStep(DataOutputStream out, long tick, Phase phase, Map<Integer, ? extends List<?>> inputs)
            throws IOException {
        head(out, STEP, tick, phase);
        int players = 0;
        for (List<?> l : inputs.values()) {
            if (!l.isEmpty()) players++;
        }
        out.writeShort(players);
        if (players == 0) return;
        InputCodec codec = InputCodec.of(inputType);
        for (Map.Entry<Integer, ? extends List<?>> e : inputs.entrySet()) {
            List<?> list = e.getValue();
            if (list.isEmpty()) continue;
            out.writeInt(e.getKey());
            out.writeShort(list.size());
            for (Object in : list) {
                codec.write(out, in);
            }
        }
    }

    /** The class inputs are written as; a step's inputs must be of it (see {@link Rec.InputType}). */
    Class<?> inputType() {
        return inputType;
    }

    void inputType(Class<?> c) {
        inputType = c;
    }

    /** The next record, or null at the end marker or the end of the stream. */
    Rec read(DataInputStream in) throws IOException {
        int tag;
        try {
            tag = in.readUnsignedByte();
        } catch (EOFException e) {
            return null;
        }
        if (tag == END) {
            return null;
        }
        long tick = in.readLong();
        int p = in.readByte();
        Phase phase = p < 0 || p >= PHASES.length ? null : PHASES[p];
        return switch (tag) {
            case CREATE -> new Rec.Create(tick, phase, in.readUTF(), in.readUTF(), in.readLong());
            case CHECKPOINT -> {
                String game = in.readUTF();
                String map = in.readUTF();
                long seed = in.readLong();
                int n = in.readInt();
                if (n < 0 || n > 64 << 20) throw new IOException("checkpoint of " + n + " bytes");
                byte[] b = new byte[n];
                in.readFully(b);
                yield new Rec.Checkpoint(tick, phase, game, map, seed, new String(b, java.nio.charset.StandardCharsets.UTF_8));
            }
            case INPUT_TYPE -> {
                String name = in.readUTF();
                inputType = load(name);
                yield new Rec.InputType(tick, name);
            }
            case JOIN -> new Rec.Join(tick, phase, in.readInt(), in.readUTF());
            case LEAVE -> new Rec.Leave(tick, phase, in.readInt());
            case ROUND_START -> new Rec.RoundStart(tick, phase, in.readInt(), in.readLong());
            case ROUND_END -> new Rec.RoundEnd(tick, phase, in.readInt());
            case STEP -> {
                int players = in.readUnsignedShort();
                Map<Integer, List<Object>> inputs = new LinkedHashMap<>();
                for (int i = 0; i < players; i++) {
                    if (inputType == null) throw new IOException("inputs before their type at tick " + tick);
                    int id = in.readInt();
                    int n = in.readUnsignedShort();
                    List<Object> list = new ArrayList<>(n);
                    InputCodec codec = InputCodec.of(inputType);
                    for (int k = 0; k < n; k++) {
                        list.add(codec.read(in));
                    }
                    inputs.put(id, list);
                }
                yield new Rec.Step(tick, phase, inputs);
            }
            case HASH -> new Rec.Hash(tick, in.readLong());
            case NOTE -> new Rec.Note(tick, in.readUTF());
            case FAILURE -> new Rec.Failure(tick, in.readBoolean(), in.readUTF(), in.readUTF(), in.readUTF());
            default -> throw new IOException("unknown record tag " + tag);
        };
    }

    private static void head(DataOutputStream out, int tag, long tick, Phase phase) throws IOException {
        out.writeByte(tag);
        out.writeLong(tick);
        out.writeByte(phase == null ? -1 : phase.ordinal());
    }

    private static String clip(String s, int max) {
        if (s == null) return "";
        // writeUTF takes at most 65535 bytes; clip characters well below that.
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

}
