package io.skirmish.game;

import io.skirmish.protocol.Fields;

/**
 * A game's input schema: turns one {@code input} payload into the game's own input value, or refuses
 * it. The transport has already bounded the payload's size and the sender's rate, and the room has
 * read and checked {@code seq} (a non-negative integer that must increase per seat).
 *
 * <p><b>Threading:</b> called on network threads, concurrently; must be stateless and must not block.
 * Refuse bad fields with {@link Fields}' methods (a {@code BAD_REQUEST} naming the field).
 */
@FunctionalInterface
public interface InputDecoder<I> {
    I decode(int seq, Fields input);

    /**
     * As {@link #decode(int, Fields)}, told when the input arrived, in (fractional) room ticks: the
     * last tick run plus the fraction of a tick period since it began (at most the next tick, the
     * first that could apply it). Lag compensation measures the sender's latency up to there; what
     * the input then waits in the room's queue is the server's. A game whose rules use it keeps it
     * in the input, so recordings replay the same. By default it is ignored.
     */
    default I decode(int seq, Fields input, double arrivalTick) {
        return decode(seq, input);
    }
}
