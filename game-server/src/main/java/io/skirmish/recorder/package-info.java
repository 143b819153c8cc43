/**
 * The flight recorder: every room keeps a bounded ring of what it needs to be replayed (seed and
 * settings, joins and leaves, every applied input with its tick, round changes, operator and host
 * notes, and a state hash every second), written as a compressed, versioned file when the room fails
 * or an operator asks; and the replay engine that re-simulates such a file and verifies its hashes.
 *
 * <p>Recording happens at the {@link io.skirmish.game.Game} boundary: {@link
 * io.skirmish.recorder.Recorders#wrap} decorates a game factory so that each game's calls are
 * recorded on the room's game thread as they are made. A replay makes the same calls, in the same
 * order, on a fresh game from the same factory. Nothing here holds seat tokens, passwords or network
 * addresses.
 */
package io.skirmish.recorder;
