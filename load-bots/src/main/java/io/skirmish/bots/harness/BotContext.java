package io.skirmish.bots.harness;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.net.Messages;
import io.skirmish.bots.net.Requests;
import io.skirmish.bots.net.Sockets;
import io.skirmish.bots.stats.ErrorTally;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.RoleStats;
import io.skirmish.bots.stats.RoomStats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** What all bots of a run share: threads, the socket factory, the clock and the tallies. */
final class BotContext implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    final LoadConfig config;
    final Sockets sockets;
    /** Drives every bot's input ticks: one thread, no thread per bot. */
    final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("bots-ticker"));
    /** Ramp, request timeouts, retries, progress and self-monitoring. */
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Threads.daemon("bots-timers"));
    final Lanes lanes = new Lanes(Math.max(2, Runtime.getRuntime().availableProcessors()));
    final Requests requests = new Requests(timers, REQUEST_TIMEOUT);
    final WallClock clock = new WallClock();
    final ErrorTally errors = new ErrorTally();
    final RoleStats players = new RoleStats();
    final RoleStats spectators = new RoleStats();
    final RoomStats rooms = new RoomStats();
    /** Whether the measured window has begun: false during the ramp and the warm-up. */
    volatile boolean measuring;
    /** When {@link #measuring} became true ({@link System#nanoTime()}); 0 before. */
    volatile long measuringSinceNanos;
    /** The errors by kind when the measured window began: those were the warm-up's. */
    volatile Map<String, Long> warmupErrors;
    /** The {@code game} of the first successful join: what the server advertises. */
    final AtomicReference<Messages.Game> game = new AtomicReference<>();

    BotContext(LoadConfig config) {
        this.config = config;
        this.sockets = new Sockets(config.url());
    }

    RoleStats stats(Role role) {
        return role == Role.PLAYER ? players : spectators;
    }

    /** Stops the threads; the bots must have been stopped first. */
    @Override
    public void close() {
        ticker.shutdownNow();
        timers.shutdownNow();
        Threads.awaitTermination(ticker);
        Threads.awaitTermination(timers);
        lanes.close();
        sockets.close();
    }
}
