package io.skirmish.recorder;

import io.skirmish.game.Phase;
import io.skirmish.game.PlayerInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The binary form of {@link Rec}s: one tag byte, the tick and the phase, then the entry's fields. */
final class RecCodec {
    private static final int CREATE = 1, CHECKPOINT = 2, JOIN = 3, LEAVE = 4, ROUND_START = 5, ROUND_END = 6,
            STEP = 7, HASH = 8, NOTE = 9, FAILURE = 10;
    static final int END = 0;
    private static final Phase[] PHASES = Phase.values();

    private RecCodec() {}

    static void write(DataOutputStream out, Rec r) throws IOException {
        if (r instanceof Rec.Create c) {
            head(out, CREATE, c.tick(), c.phase());
            out.writeUTF(c.map());
            out.writeLong(c.seed());
        } else if (r instanceof Rec.Checkpoint c) {
            head(out, CHECKPOINT, c.tick(), c.phase());
            out.writeUTF(c.map());
            out.writeLong(c.seed());
            out.writeInt(c.state().length);
            out.write(c.state());
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
            out.writeUTF(n.text());
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

    /** A step, written straight from the room's map (the hot path: no record object is made). */
    static void writeStep(DataOutputStream out, long tick, Phase phase, Map<Integer, List<PlayerInput>> inputs)
            throws IOException {
        head(out, STEP, tick, phase);
        int players = 0;
        for (List<PlayerInput> l : inputs.values()) {
            if (!l.isEmpty()) players++;
        }
        out.writeShort(players);
        for (Map.Entry<Integer, List<PlayerInput>> e : inputs.entrySet()) {
            List<PlayerInput> list = e.getValue();
            if (list.isEmpty()) continue;
            out.writeInt(e.getKey());
            out.writeShort(list.size());
            for (PlayerInput in : list) {
                out.writeInt(in.seq());
                out.writeDouble(in.moveX());
                out.writeDouble(in.moveY());
                out.writeDouble(in.aim());
                out.writeBoolean(in.fire());
            }
        }
    }

    /** The next record, or null at the end marker or the end of the stream. */
    static Rec read(DataInputStream in) throws IOException {
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
        Phase phase = p < 0 ? null : PHASES[p];
        return switch (tag) {
            case CREATE -> new Rec.Create(tick, phase, in.readUTF(), in.readLong());
            case CHECKPOINT -> {
                String map = in.readUTF();
                long seed = in.readLong();
                int n = in.readInt();
                if (n < 0 || n > 64 << 20) throw new IOException("checkpoint of " + n + " bytes");
                byte[] b = new byte[n];
                in.readFully(b);
                yield new Rec.Checkpoint(tick, phase, map, seed, b);
            }
            case JOIN -> new Rec.Join(tick, phase, in.readInt(), in.readUTF());
            case LEAVE -> new Rec.Leave(tick, phase, in.readInt());
            case ROUND_START -> new Rec.RoundStart(tick, phase, in.readInt(), in.readLong());
            case ROUND_END -> new Rec.RoundEnd(tick, phase, in.readInt());
            case STEP -> {
                int players = in.readUnsignedShort();
                Map<Integer, List<PlayerInput>> inputs = new LinkedHashMap<>();
                for (int i = 0; i < players; i++) {
                    int id = in.readInt();
                    int n = in.readUnsignedShort();
                    List<PlayerInput> list = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        list.add(new PlayerInput(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                                in.readBoolean()));
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
