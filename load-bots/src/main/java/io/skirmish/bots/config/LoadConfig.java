package io.skirmish.bots.config;

import io.skirmish.bots.behaviour.Behaviours;
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
 * @param behaviour how the bots play: a name of {@link Behaviours}, for the game the server answers with
 * @param seed makes every bot's random choices repeatable
 * @param password the private room's password, or null
 * @param thresholds what the run must achieve to pass
 * @param shard which share of the bots and spectators this process drives
 * @param game the game to play where the bots choose one ({@code room:quickplay}, {@code room:create}); null:
 *     the server's default
 */
public record LoadConfig(URI url, int bots, int spectators, Ramp ramp, Duration duration, Duration warmup,
                         RoomTarget room, String behaviour, long seed, String password, Thresholds thresholds,
                         Shard shard, String game) {
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
        if (shard == null) {
            shard = Shard.WHOLE;
        }
        if (!shard.whole() && room instanceof RoomTarget.Create) {
            throw new IllegalArgumentException("--room new makes one room in one process: shards join a --room CODE");
        }
        if (game != null && !game.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("--game: a game id, like arena or tag");
        }
        if (!Behaviours.names().contains(behaviour)) {
            throw new IllegalArgumentException("--behaviour: one of " + Behaviours.names());
        }
        if (password != null && password.length() > 64) {
            throw new IllegalArgumentException("--password is at most 64 characters");
        }
    }

    /** The longest default warm-up. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);

    /** The warm-up a run gets unless told otherwise: 5 s, but at most half of {@code duration}. */
    public static Duration defaultWarmup(Duration duration) {
        Duration half = duration.dividedBy(2);
        return half.compareTo(DEFAULT_WARMUP) < 0 ? half : DEFAULT_WARMUP;
    }

    /** A quick-play run of ten fighting bots for 30 s (5 s of it warm-up) against {@code url}, default thresholds. */
    public static LoadConfig defaults(URI url) {
        return new LoadConfig(url, 10, 0, new Ramp.Rate(50), Duration.ofSeconds(30), DEFAULT_WARMUP,
                new RoomTarget.Quick(), "fight", 1, null, Thresholds.defaults(), Shard.WHOLE, null);
    }

    public LoadConfig withBots(int n) {
        return new LoadConfig(url, n, spectators, ramp, duration, warmup, room, behaviour, seed, password, thresholds, shard, game);
    }

    /** Another duration; a warm-up that would not fit becomes the default one for it. */
    public LoadConfig withDuration(Duration d) {
        Duration w = warmup.compareTo(d) < 0 ? warmup : defaultWarmup(d);
        return new LoadConfig(url, bots, spectators, ramp, d, w, room, behaviour, seed, password, thresholds, shard, game);
    }

    public LoadConfig withWarmup(Duration w) {
        return new LoadConfig(url, bots, spectators, ramp, duration, w, room, behaviour, seed, password, thresholds, shard, game);
    }

    public LoadConfig withSeed(long s) {
        return new LoadConfig(url, bots, spectators, ramp, duration, warmup, room, behaviour, s, password, thresholds, shard, game);
    }

    public LoadConfig withThresholds(Thresholds t) {
        return new LoadConfig(url, bots, spectators, ramp, duration, warmup, room, behaviour, seed, password, t, shard, game);
    }

    public LoadConfig withRamp(Ramp r) {
        return new LoadConfig(url, bots, spectators, r, duration, warmup, room, behaviour, seed, password, thresholds, shard, game);
    }

    public LoadConfig withShard(Shard s) {
        return new LoadConfig(url, bots, spectators, ramp, duration, warmup, room, behaviour, seed, password,
                thresholds, s, game);
    }

    public LoadConfig withRoom(RoomTarget r) {
        return new LoadConfig(url, bots, spectators, ramp, duration, warmup, r, behaviour, seed, password,
                thresholds, shard, game);
    }

    public LoadConfig withGame(String g) {
        return new LoadConfig(url, bots, spectators, ramp, duration, warmup, room, behaviour, seed, password,
                thresholds, shard, g);
    }
}
