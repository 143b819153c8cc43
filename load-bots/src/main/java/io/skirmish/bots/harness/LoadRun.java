package io.skirmish.bots.harness;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.net.Messages;
import io.skirmish.bots.server.ServerProbe;
import io.skirmish.bots.stats.BotSummary;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.Reports;
import io.skirmish.bots.stats.Role;
import io.skirmish.bots.stats.VerdictRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The harness: ramps the bots up, lets them play for the duration, stops them, and reports. The
 * bots' behaviour is not its business ({@link io.skirmish.bots.behaviour.Behaviour}).
 */
public final class LoadRun {
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(15);
    private static final long PROGRESS_MS = 1000;
    private static final long PROBE_PERIOD_MS = 100;
    /** How long the bots get to leave their rooms and close their connections at the end. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final LoadConfig config;
    private final Consumer<String> progressOut;
    private final List<Bot> bots = new CopyOnWriteArrayList<>();

    private LoadRun(LoadConfig config, Consumer<String> progressOut) {
        this.config = config;
        this.progressOut = progressOut;
    }

    /**
     * Runs {@code config} and judges it. Blocks for the ramp plus the duration, and a little more
     * to stop. Every thread it starts has ended or is a daemon when it returns.
     *
     * @param progressOut receives the progress line, once a second
     */
    public static RunResult run(LoadConfig config, Consumer<String> progressOut) throws InterruptedException {
        return new LoadRun(config, progressOut).run();
    }

    private RunResult run() throws InterruptedException {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        try (BotContext ctx = new BotContext(config); ServerProbe server = new ServerProbe(config.url()).start()) {
            SelfMonitor monitor = new SelfMonitor(ctx);
            Progress progress = new Progress(ctx, monitor, server, bots, progressOut);
            ctx.timers.scheduleAtFixedRate(monitor::probe, 0, PROBE_PERIOD_MS, TimeUnit.MILLISECONDS);
            ctx.timers.scheduleAtFixedRate(progress::tick, PROGRESS_MS, PROGRESS_MS, TimeUnit.MILLISECONDS);

            Duration rampLength = rampUp(ctx);
            if (rampLength.plus(config.warmup()).isZero()) {
                progress.startMeasuring();
            }
            progress.measureAfter(startNanos + rampLength.toNanos(), config.warmup().toNanos());
            Duration measured = config.duration().minus(config.warmup());
            try {
                // The warm-up starts when every bot has got in; the measured window then lasts what is left of
                // --duration. A run whose bots never settle is measured after a bounded wait all the same.
                progress.awaitMeasuring(rampLength.plus(config.warmup()).toNanos() + Progress.SETTLE_LIMIT_NANOS
                        + TimeUnit.SECONDS.toNanos(2));
                TimeUnit.NANOSECONDS.sleep(measured.toNanos());
            } catch (InterruptedException e) {
                // Stopped early (Ctrl-C): judge and report what was measured so far.
            }

            long endNanos = System.nanoTime();
            ctx.timers.shutdownNow(); // no more progress lines, retries or late starts
            Threads.awaitTermination(ctx.timers);
            bots.forEach(Bot::stop);
            awaitGone();
            List<BotSummary> summaries = bots.stream().map(b -> b.summary(endNanos)).toList();
            progress.finish();
            Report.Generator generator = monitor.summary();
            Messages.Game game = ctx.game.get();
            Report report = Reports.build(config, new Reports.Measured(startedAt.toString(),
                    (endNanos - startNanos) / 1e9,
                    game == null ? null : new Reports.Advertised(game.tickRate(), game.snapshotRate()),
                    ctx.players, ctx.spectators, ctx.rooms, ctx.errors, summaries, generator, monitor.eventThreadLag,
                    monitor.laneLag, server.summary(), progress.timeline(),
                    ctx.warmupErrors != null ? ctx.warmupErrors : ctx.errors.byKind()));
            if (!config.shard().whole()) {
                report = report.withShard(config.shard().toString());
            }
            return new RunResult(report.withVerdict(VerdictRules.judge(report, config.thresholds())), summaries);
        }
    }

    /**
     * Waits until every bot has left its room and closed its connection, so that whatever runs next
     * (the next step of a capacity search) finds their seats free. Bounded: a bot still there then is
     * reported, not waited for.
     */
    private void awaitGone() throws InterruptedException {
        CompletableFuture<?>[] gone = bots.stream().map(Bot::gone).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(gone).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long left = Stream.of(gone).filter(f -> !f.isDone()).count();
            progressOut.accept(left + " bots had not left within " + STOP_TIMEOUT.toSeconds() + " s of the end");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // gone() completes normally only
        }
    }

    /**
     * Schedules every bot's start; for a created room, first creates it. Returns how long after now
     * the last bot starts.
     */
    private Duration rampUp(BotContext ctx) throws InterruptedException {
        int total = config.bots() + config.spectators();
        SplittableRandom root = new SplittableRandom(config.seed());
        List<SplittableRandom> rngs = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            rngs.add(root.split()); // in index order, so each bot's generator depends only on the seed
        }
        RoomTarget target = config.room();
        int first = 0;
        if (target instanceof RoomTarget.Create) {
            Bot host = new Bot(0, Role.PLAYER, target, ctx, rngs.get(0));
            bots.add(host);
            host.start();
            first = 1;
            try {
                target = new RoomTarget.Code(host.createdCode().get(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException | TimeoutException e) {
                ctx.errors.count("room:create: no room within " + CREATE_TIMEOUT.toSeconds() + " s");
                return Duration.ZERO;
            }
        }
        Duration last = Duration.ZERO;
        for (int i = first; i < total; i++) {
            if (!config.shard().owns(i)) {
                continue; // another process's bot
            }
            Bot bot = new Bot(i, i < config.bots() ? Role.PLAYER : Role.SPECTATOR, target, ctx, rngs.get(i));
            bots.add(bot);
            Duration offset = config.ramp().offsetOf(i - first, total - first);
            ctx.timers.schedule(bot::start, offset.toNanos(), TimeUnit.NANOSECONDS);
            last = offset;
        }
        return last;
    }
}
