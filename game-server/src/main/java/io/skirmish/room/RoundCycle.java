package io.skirmish.room;

import io.skirmish.game.Phase;
import io.skirmish.loop.Ticker;

/**
 * A room's phases and rounds: lobby, countdown, playing, round over, and the timers between them
 * (game thread only). Public rooms go straight from round over to the next round; private rooms go
 * back to the lobby. The room is told of each change through {@link Hooks}.
 */
final class RoundCycle {
    /** What the cycle asks of its room. */
    interface Hooks {
        /** A round began (the game places everyone and resets scores). */
        void roundStarted(int round, long endsAtMillis);

        /** The round's time ran out: the room asks the game for results. */
        void roundTimeUp(int round);

        /** A private room is back in its lobby: players must ready up again. */
        void backInLobby();

        /** Something clients see changed. */
        void changed();
    }

    private final RoomConfig cfg;
    private final Ticker ticker;
    private final boolean isPrivate;
    private final Hooks hooks;
    private Phase phase;
    private long phaseEndTick = -1;
    private long phaseEndsAtMillis;
    private int round;

    RoundCycle(RoomConfig cfg, Ticker ticker, boolean isPrivate, Hooks hooks) {
        this.cfg = cfg;
        this.ticker = ticker;
        this.isPrivate = isPrivate;
        this.hooks = hooks;
    }

    Phase phase() {
        return phase;
    }

    int round() {
        return round;
    }

    /** Wall-clock end of the current phase (for clients), 0 when it has none. */
    long phaseEndsAtMillis() {
        return phaseEndsAtMillis;
    }

    /** The first phase of a new room. */
    void begin(long tick, int roundSeconds) {
        if (isPrivate) {
            enter(Phase.LOBBY, -1, tick);
        } else {
            startRound(tick, roundSeconds);
        }
    }

    /** Moves on when the current phase's time is up. */
    void advance(long tick, int roundSeconds) {
        if (phaseEndTick < 0 || tick < phaseEndTick) {
            return;
        }
        switch (phase) {
            case COUNTDOWN -> startRound(tick, roundSeconds);
            case PLAYING -> hooks.roundTimeUp(round);
            case ROUNDOVER -> {
                if (isPrivate) {
                    hooks.backInLobby();
                    enter(Phase.LOBBY, -1, tick);
                } else {
                    startRound(tick, roundSeconds);
                }
            }
            default -> throw new IllegalStateException("phase " + phase + " has no end");
        }
    }

    void countdown(long tick) {
        enter(Phase.COUNTDOWN, cfg.ticks(cfg.countdown()), tick);
    }

    /** The round ended (time up or the game said so): the scoreboard shows for a while. */
    void roundOver(long tick) {
        enter(Phase.ROUNDOVER, cfg.ticks(cfg.roundOver()), tick);
    }

    private void startRound(long tick, int roundSeconds) {
        round++;
        enter(Phase.PLAYING, roundSeconds * cfg.tickRate(), tick);
        hooks.roundStarted(round, phaseEndsAtMillis);
    }

    private void enter(Phase p, int durationTicks, long tick) {
        phase = p;
        phaseEndTick = durationTicks < 0 ? -1 : tick + durationTicks;
        phaseEndsAtMillis = durationTicks < 0 ? 0 : ticker.wallMillis() + durationTicks * 1000L / cfg.tickRate();
        hooks.changed();
    }

    /** The cycle's state for a move to another server: phase, round and ticks left in the phase. */
    com.google.gson.JsonObject save(long tick) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("phase", phase.name());
        o.addProperty("round", round);
        o.addProperty("ticksLeft", phaseEndTick < 0 ? -1 : phaseEndTick - tick);
        return o;
    }

    /** Continues a cycle saved with {@link #save} (on another server), at {@code tick}. */
    void restore(com.google.gson.JsonObject o, long tick) {
        round = o.get("round").getAsInt();
        enter(Phase.valueOf(o.get("phase").getAsString()), (int) o.get("ticksLeft").getAsLong(), tick);
    }
}
