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
}
