package io.skirmish.bots;

import io.skirmish.bots.capacity.CapacitySearch;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.config.Shard;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.processes.Processes;
import io.skirmish.bots.report.HtmlReport;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: options to a {@link LoadConfig}, a run, the table, the report, the exit code. */
@Command(name = "load-bots", mixinStandardHelpOptions = true, version = "skirmish load-bots 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true, subcommands = MergeCommand.class,
        description = {"Thousands of playing bots against a Skirmish server, measuring what players feel.",
                "Exit code: 0 PASS (or a capacity found), 1 FAIL (a threshold missed), 2 usage error."})
final class LoadBotsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:3000",
            description = "Server base URL (default: ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--bots", defaultValue = "10", description = "Playing bots (default: ${DEFAULT-VALUE}).")
    private int bots;

    @Option(names = "--spectators", defaultValue = "0",
            description = "Spectators after the bots (room:spectate); need --room CODE or new (default: ${DEFAULT-VALUE}).")
    private int spectators;

    @Option(names = "--ramp", defaultValue = "50/s",
            description = "How the bots start: a rate (50/s, 300/m) or a span they are spread over (10s, 0) "
                    + "(default: ${DEFAULT-VALUE}).")
    private Ramp ramp;

    @Option(names = "--duration", defaultValue = "30s",
            description = "How long to play after the last bot started: 90s, 2m, 1m30s (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup",
            description = "The first part of --duration that is shown apart and not judged: the verdict covers "
                    + "the rest (default: 5s, at most half of --duration; 0 judges all of it).")
    private Duration warmup;

    @Option(names = "--room", defaultValue = "quick",
            description = "quick (room:quickplay), a room CODE (everyone room:join), or new "
                    + "(bot 0 creates a private room, hosts and starts it; at most 16 bots) (default: ${DEFAULT-VALUE}).")
    private RoomTarget room;

    @Option(names = {"--behaviour", "--behavior"}, defaultValue = "fight",
            description = "How the bots play, for the game the server answers with; the arena's: fight, wander, "
                    + "idle (default: ${DEFAULT-VALUE}).")
    private String behaviour;

    @Option(names = "--game", description = "The game to play, where the bots choose (quick play, --room new): "
            + "a game id of GET /api/games, like arena or tag (default: the server's).")
    private String game;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds every bot's random choices (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--password", description = "Password of the private room (--room CODE or new).")
    private String password;

    @Option(names = "--out", description = "Write the JSON report here.")
    private Path out;

    @Option(names = "--html", description = "Write the report as one self-contained HTML page here (charts).")
    private Path html;

    @Option(names = "--processes", defaultValue = "1",
            description = "Run the bots in this many child JVMs, each a shard, and merge their reports "
                    + "(default: ${DEFAULT-VALUE}: in this process).")
    private int processes;

    @Option(names = "--shard", description = "Drive only share i of N of the bots (i/N, e.g. 2/3), for several "
            + "hosts; combine their --out reports with the merge command.")
    private Shard shard;

    @Option(names = "--find-capacity", description = "Search for the most players that meet every threshold: "
            + "steps of --step-duration from --start-players, growing by --growth, then bisection.")
    private boolean findCapacity;

    @Option(names = "--start-players", defaultValue = "25", description = "The capacity search's first step "
            + "(default: ${DEFAULT-VALUE}).")
    private int startPlayers;

    @Option(names = "--max-players", defaultValue = "2000",
            description = "The capacity search's ceiling (default: ${DEFAULT-VALUE}).")
    private int maxPlayers;

    @Option(names = "--step-duration", defaultValue = "20s", description = "How long each capacity step plays "
            + "after its ramp, its warm-up included (default: ${DEFAULT-VALUE}).")
    private Duration stepDuration;

    @Option(names = "--no-warmup-run", description = "Start the capacity search without its first, unjudged run "
            + "of --start-players that warms both JVMs up.")
    private boolean noWarmupRun;

    @Option(names = "--growth", defaultValue = "2", description = "Factor between capacity steps until one fails "
            + "(default: ${DEFAULT-VALUE}).")
    private double growth;

    @Option(names = "--precision", defaultValue = "0", description = "Bisect until the last passing and first "
            + "failing counts are this close, in players (default: 0, a tenth of the failing count).")
    private int precision;

    @Option(names = "--max-p99-age-ms", defaultValue = "100",
            description = "FAIL if the players' p99 snapshot age is above this (default: ${DEFAULT-VALUE}).")
    private double maxP99AgeMs;

    @Option(names = "--max-p99-input-ms", defaultValue = "150",
            description = "FAIL if the p99 input-to-ack time is above this (default: ${DEFAULT-VALUE}).")
    private double maxP99InputMs;

    @Option(names = "--min-snapshot-rate", defaultValue = "90%",
            description = "FAIL if any player gets fewer snapshots/s: a fraction (0.9) or percentage (90%%) of the "
                    + "server's advertised game.snapshotRate, or absolute (27Hz) (default: ${DEFAULT-VALUE}).")
    private SnapshotRateFloor minSnapshotRate;

    @Option(names = "--max-errors", defaultValue = "0",
            description = "FAIL if more errors of all kinds happen (default: ${DEFAULT-VALUE}).")
    private long maxErrors;

    @Override
    public Integer call() throws Exception {
        LoadConfig config = config();
        PrintWriter stdout = spec.commandLine().getOut();
        Consumer<String> print = line -> {
            stdout.println(line);
            stdout.flush();
        };
        // Ctrl-C (or SIGTERM) ends the run early but still prints the table and writes the report:
        // the hook interrupts the run, then waits for the report before the JVM goes.
        Thread runner = Thread.currentThread();
        AtomicBoolean signalled = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            signalled.set(true);
            runner.interrupt();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "report-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Report report;
            if (findCapacity) {
                CapacitySearch.Outcome found = CapacitySearch.search(
                        new CapacitySearch.Settings(startPlayers, maxPlayers, growth, precision, !noWarmupRun),
                        n -> step(config.withBots(n).withDuration(stepDuration), print), print);
                report = found.report().withCapacity(found.capacity());
            } else {
                report = step(config, print);
            }
            stdout.println();
            if (signalled.get()) {
                stdout.println("stopped early by a signal: the figures cover the run so far");
            }
            stdout.print(ReportTable.render(report));
            if (report.capacity() != null) {
                Report.Capacity c = report.capacity();
                stdout.printf(Locale.ROOT, "%nCAPACITY: %d players (limited by %s)%n  %s%n", c.players(), c.limitedBy(),
                        c.reason());
            }
            stdout.flush();
            write(report);
            return report.capacity() != null ? 0 : report.verdict().exitCode();
        } finally {
            reported.countDown();
            if (!signalled.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // a signal arrived just now; the hook is already running
                }
            }
        }
    }

    /** One judged run: in this process, or in --processes child JVMs merged. */
    private Report step(LoadConfig config, Consumer<String> print) throws InterruptedException, IOException {
        if (processes > 1) {
            return Processes.run(config, processes, print);
        }
        return LoadRun.run(config, print).report();
    }

    private void write(Report report) throws IOException {
        if (out != null) {
            Files.writeString(out, Json.pretty(report) + "\n", StandardCharsets.UTF_8);
        }
        if (html != null) {
            HtmlReport.write(report, html);
        }
    }

    private LoadConfig config() {
        for (Path file : new Path[] {out, html}) {
            Path dir = file == null ? null : file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "no such directory: " + dir);
            }
        }
        if (processes < 1 || (processes > 1 && shard != null)) {
            throw new ParameterException(spec.commandLine(), "--processes is at least 1, and not with --shard");
        }
        if (findCapacity && shard != null) {
            throw new ParameterException(spec.commandLine(), "--find-capacity runs its own steps: use --processes");
        }
        try {
            Duration run = findCapacity ? stepDuration : duration;
            Duration w = warmup != null ? warmup : LoadConfig.defaultWarmup(run);
            return new LoadConfig(url, bots, spectators, ramp, duration, w, room, behaviour, seed, password,
                    new Thresholds(maxP99AgeMs, maxP99InputMs, minSnapshotRate, maxErrors),
                    shard == null ? Shard.WHOLE : shard, game);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
