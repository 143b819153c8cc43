package io.skirmish.game;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;

/**
 * A 64-bit FNV-1a hash of a game state's JSON (for example of {@link Game#save()}): a simple
 * {@link Game#stateHash()} for games whose save is cheap enough to hash every tick it is asked for.
 */
public final class StateHash {
    private StateHash() {}

    public static long of(JsonElement state) {
        long h = 0xcbf29ce484222325L;
        for (byte b : state.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
