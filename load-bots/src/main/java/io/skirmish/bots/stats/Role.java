package io.skirmish.bots.stats;

/** What a bot is in its room. Players and spectators are measured apart. */
public enum Role {
    PLAYER,
    /** Spectator snapshots are delayed on purpose ({@code spectatorDelayMs}), so their age is no latency. */
    SPECTATOR
}
