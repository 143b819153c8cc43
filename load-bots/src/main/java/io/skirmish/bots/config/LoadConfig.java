package io.skirmish.bots.config;

import io.skirmish.bots.behaviour.BehaviourKind;
import java.net.URI;
import java.time.Duration;

/**
 * One load run.
 *
 * @param url the server's base URL (http or https)
 * @param bots how many playing bots
 * @param spectators how many spectators, after the bots ({@code room:spectate}; needs a room code)
 * @param ramp when each of them starts
 * @param duration how long the run goes on after the last one started
 * @param warmup how much of {@code duration} passes before the steady-state figures (snapshot age,
 *     interval and jitter, input acks, the bots' own lag) are recorded; joins are always measured
 * @param room where the bots play
 * @param behaviour how the bots play
 * @param seed makes every bot's random choices repeatable
 * @param password the private room's password, or null
 * @param thresholds what the run must achieve to pass
 */
public record LoadConfig(URI url, int bots, int spectators, Ramp ramp, Duration duration, Duration warmup,
                         RoomTarget room, BehaviourKind behaviour, long seed, String password, Thresholds thresholds) {
    /** The largest room the protocol allows ({@code settings.maxPlayers}). */
    public static final int MAX_ROOM_PLAYERS = 16;

    public LoadConfig {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("--url must be http:// or https://");
        }
        if (bots < 0 || spectators < 0 || bots + spectators == 0) {
            throw new IllegalArgumentException("need at least one bot or spectator, and no negative counts");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative() || warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--warmup must be shorter than --duration");
        }
        if (room instanceof RoomTarget.Quick && (spectators > 0 || password != null)) {
            throw new IllegalArgumentException(
                    "--spectators and --password need --room CODE or --room new (public rooms have no code)");
        }
        if (room instanceof RoomTarget.Create && (bots < 1 || bots > MAX_ROOM_PLAYERS)) {
            throw new IllegalArgumentException("--room new needs 1 to " + MAX_ROOM_PLAYERS + " bots (one room)");
        }
        if (password != null && password.length() > 64) {
            throw new IllegalArgumentException("--password is at most 64 characters");
        }
    }

    /** A quick-play run of ten fighting bots for 30 s against {@code url}, with default thresholds. */
    public static LoadConfig defaults(URI url) {
        return new LoadConfig(url, 10, 0, new Ramp.Rate(50), Duration.ofSeconds(30), Duration.ZERO,
                new RoomTarget.Quick(), BehaviourKind.FIGHT, 1, null, Thresholds.defaults());
    }

    public LoadConfig withBots(int n) {
        return new LoadConfig(url, n, spectators, ramp, duration, warmup, room, behaviour, seed, password, thresholds);
    }

    public LoadConfig withDuration(Duration d) {
        return new LoadConfig(url, bots, spectators, ramp, d, warmup, room, behaviour, seed, password, thresholds);
    }

    public LoadConfig withRamp(Ramp r) {
        return new LoadConfig(url, bots, spectators, r, duration, warmup, room, behaviour, seed, password, thresholds);
    }
}
