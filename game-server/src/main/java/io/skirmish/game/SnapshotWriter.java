package io.skirmish.game;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Where a game writes its part of a snapshot. The room has already written its envelope
 * ({@code tick, time, phase, round, phaseEndsAt}) and closes the object afterwards.
 *
 * <p>Per-player entries are opened with {@link #beginPlayer}: the room writes the facts it owns
 * about the player ({@code id}, {@code seq} = the last input applied, {@code c} = connected 1/0)
 * so a game cannot forget them; the game adds its fields and calls {@link #endPlayer}.
 *
 * <p>Called on the game thread only, while {@link Game#writeSnapshot} runs.
 */
public interface SnapshotWriter {
    /** The underlying writer, positioned inside the snapshot object (write {@code name(...).value(...)}). */
    JsonWriter json();

    /** Opens one player's object inside an array the game began, with the room's facts already in it. */
    void beginPlayer(int playerId) throws IOException;

    /** Closes the object opened by {@link #beginPlayer}. */
    void endPlayer() throws IOException;
}
