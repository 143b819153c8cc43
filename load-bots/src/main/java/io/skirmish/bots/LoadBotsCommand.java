package io.skirmish.bots;

import io.skirmish.bots.behaviour.BehaviourKind;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.config.SnapshotRateFloor;
import io.skirmish.bots.config.Thresholds;
import io.skirmish.bots.harness.LoadRun;
import io.skirmish.bots.harness.RunResult;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.stats.ReportTable;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: options to a {@link LoadConfig}, a run, the table, the report, the exit code. */
@Command(name = "load-bots", mixinStandardHelpOptions = true, version = "skirmish load-bots 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Thousands of playing bots against a Skirmish server, measuring what players feel.",
                "Exit code: 0 PASS, 1 FAIL (a threshold missed), 2 usage error."})
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

    @Option(names = "--warmup", defaultValue = "0s",
            description = "The first part of --duration whose snapshot ages, input acks and intervals are not "
                    + "recorded, e.g. 5s (default: ${DEFAULT-VALUE}: all of it is).")
    private Duration warmup;

    @Option(names = "--room", defaultValue = "quick",
            description = "quick (room:quickplay), a room CODE (everyone room:join), or new "
                    + "(bot 0 creates a private room, hosts and starts it; at most 16 bots) (default: ${DEFAULT-VALUE}).")
    private RoomTarget room;

    @Option(names = {"--behaviour", "--behavior"}, defaultValue = "fight",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private BehaviourKind behaviour;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds every bot's random choices (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--password", description = "Password of the private room (--room CODE or new).")
    private String password;

    @Option(names = "--out", description = "Write the JSON report here.")
    private Path out;

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
            RunResult result = LoadRun.run(config, line -> {
                stdout.println(line);
                stdout.flush();
            });
            stdout.println();
            if (signalled.get()) {
                stdout.println("stopped early by a signal: the figures cover the run so far");
            }
            stdout.print(ReportTable.render(result.report()));
            stdout.flush();
            if (out != null) {
                Files.writeString(out, Json.pretty(result.report()) + "\n", StandardCharsets.UTF_8);
            }
            return result.report().verdict().exitCode();
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

    private LoadConfig config() {
        Path outDir = out == null ? null : out.toAbsolutePath().getParent();
        if (outDir != null && !Files.isDirectory(outDir)) {
            throw new ParameterException(spec.commandLine(), "--out: no such directory: " + outDir);
        }
        try {
            return new LoadConfig(url, bots, spectators, ramp, duration, warmup, room, behaviour, seed, password,
                    new Thresholds(maxP99AgeMs, maxP99InputMs, minSnapshotRate, maxErrors));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
