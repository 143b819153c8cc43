package io.skirmish.recorder;

import com.google.gson.stream.JsonWriter;
import io.skirmish.game.Game;
import io.skirmish.game.SnapshotView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The state hash recorded every second and checked by the replay. {@code state}: a hash of the
 * game's saved state (everything, including its random generator). {@code snapshot}: a hash of the
 * game's snapshot as clients would see it, for games that cannot save their state.
 */
final class StateHasher {
    static final String STATE = "state";
    static final String SNAPSHOT = "snapshot";

    /** What the room knows about players does not belong in the game's hash. */
    private static final SnapshotView NEUTRAL = new SnapshotView() {
        @Override
        public int lastAppliedSeq(int playerId) {
            return 0;
        }

        @Override
        public boolean connected(int playerId) {
            return true;
        }
    };

    private StateHasher() {}

    static String kind(Game game, StateCodec codec) {
        return codec.supports(game) ? STATE : SNAPSHOT;
    }

    static long hash(Game game, StateCodec codec, String kind) {
        if (kind.equals(STATE)) {
            return fnv(codec.save(game));
        }
        StringWriter sw = new StringWriter(1024);
        try (JsonWriter out = new JsonWriter(sw)) {
            out.beginObject();
            game.writeSnapshot(out, NEUTRAL);
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = sw.toString();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long fnv(byte[] b) {
        long h = 0xcbf29ce484222325L;
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
