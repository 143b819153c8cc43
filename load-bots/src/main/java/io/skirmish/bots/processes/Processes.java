package io.skirmish.bots.processes;

import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Shard;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.stats.Report;
import io.skirmish.bots.stats.ReportMerge;
import io.skirmish.bots.stats.VerdictRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one load run as {@code n} child JVMs on this host ({@code --processes N}), each driving
 * its {@link Shard} of the bots (so one process's event threads and sockets are not the limit),
 * then merges their reports ({@link ReportMerge}) and judges the whole.
 */
public final class Processes {
    private Processes() {}

    /**
     * @param out receives every child's output lines, prefixed with its shard
     * @throws IOException when a child cannot start or writes no report
     */
    public static Report run(LoadConfig config, int n, Consumer<String> out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("load-bots-shards");
        List<Process> children = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                Shard shard = new Shard(i, n);
                Path report = dir.resolve("shard-" + i + ".json");
                reports.add(report);
                List<String> cmd = new ArrayList<>(javaCommand());
                cmd.addAll(ChildArgs.of(config.withShard(shard)));
                cmd.add("--out");
                cmd.add(report.toString());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                children.add(p);
                pumps.add(pump(p, "[" + shard + "] ", out));
            }
            for (Process p : children) {
                int code = p.waitFor();
                if (code > 1) {
                    throw new IOException("a bots process exited with " + code);
                }
            }
            for (Thread t : pumps) {
                t.join();
            }
            List<Report> parts = new ArrayList<>();
            for (Path r : reports) {
                parts.add(read(r));
            }
            Report merged = ReportMerge.merge(parts);
            return merged.withVerdict(VerdictRules.judge(merged, config.thresholds()));
        } finally {
            children.forEach(Process::destroy);
            for (Path r : reports) {
                Files.deleteIfExists(r);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A report written with {@code --out}. */
    public static Report read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no report at " + file);
        }
        return Json.read(Files.readString(file, StandardCharsets.UTF_8), Report.class);
    }

    /** This JVM again (its java, its memory options, its class path), on the bots' main class. */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xm") || arg.startsWith("-XX:")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.skirmish.bots.Main");
        return cmd;
    }

    private static Thread pump(Process p, String prefix, Consumer<String> out) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (out) {
                        out.accept(prefix + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "bots-child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
