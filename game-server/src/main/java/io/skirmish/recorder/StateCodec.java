package io.skirmish.recorder;

import io.skirmish.game.Game;

/**
 * Saves and restores a game's whole state, so that a recording can start from a checkpoint once
 * its ring no longer holds the room's creation. {@link #NONE} for games that cannot: their
 * recordings always start at the game's creation.
 */
public interface StateCodec {
    /** True if {@code game}'s state can be saved and restored. */
    boolean supports(Game game);

    byte[] save(Game game);

    void restore(Game game, byte[] state);

    StateCodec NONE = new StateCodec() {
        @Override
        public boolean supports(Game game) {
            return false;
        }

        @Override
        public byte[] save(Game game) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restore(Game game, byte[] state) {
            throw new UnsupportedOperationException();
        }
    };
}
