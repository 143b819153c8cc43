package io.skirmish.game;

import java.util.Locale;

/** The phases of a room's round cycle; {@link #wire()} is the name on the wire. */
public enum Phase {
    LOBBY, COUNTDOWN, PLAYING, ROUNDOVER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
