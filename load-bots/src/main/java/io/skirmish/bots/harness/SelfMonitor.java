package io.skirmish.bots.harness;

import com.sun.management.OperatingSystemMXBean;
import io.skirmish.bots.stats.Latency;
import io.skirmish.bots.stats.Metric;
import io.skirmish.bots.stats.Report;
import io.socket.thread.EventThread;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Watches the bots' own process, to tell whether the bots kept up: CPU, memory, threads, and how
 * long a task waits for the socket.io client's shared event thread and for the bots' lanes.
 * {@link #probe()} and {@link #sample()} run on the timers thread.
 */
final class SelfMonitor {
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final BotContext ctx;
    private final long startCpuNanos = os.getProcessCpuTime();
    private final long startNanos = System.nanoTime();
    private long lastCpuNanos = startCpuNanos;
    private long lastNanos = startNanos;
    private long peakHeap;
    private double peakLoad = -1;

    final Metric eventThreadLag = new Metric();
    final Metric laneLag = new Metric();

    SelfMonitor(BotContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Queues a no-op on each event thread and records how long it waited to run, once the run is
     * measuring (a JVM's first seconds are slow, and that is no news).
     */
    void probe() {
        if (!ctx.measuring) {
            return;
        }
        long queued = System.nanoTime();
        EventThread.exec(() -> eventThreadLag.recordNanos(System.nanoTime() - queued));
        for (ExecutorService lane : ctx.lanes.all()) {
            try {
                lane.execute(() -> laneLag.recordNanos(System.nanoTime() - queued));
            } catch (RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }

    /** CPU use since the last call, in percent of one core; also tracks the heap's peak. */
    double sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        peakLoad = Math.max(peakLoad, os.getSystemLoadAverage());
        long cpu = os.getProcessCpuTime();
        long now = System.nanoTime();
        double percent = percent(cpu - lastCpuNanos, now - lastNanos);
        lastCpuNanos = cpu;
        lastNanos = now;
        return percent;
    }

    /** The whole run's figures; the lag metrics must have had their final roll. */
    Report.Generator summary() {
        sample();
        return new Report.Generator(
                Math.round(percent(os.getProcessCpuTime() - startCpuNanos, System.nanoTime() - startNanos)),
                Runtime.getRuntime().availableProcessors(), peakRssMb(), mb(peakHeap), threads.getPeakThreadCount(),
                Latency.of(eventThreadLag.total()), Latency.of(laneLag.total()), Math.round(peakLoad * 10) / 10.0);
    }

    private static double percent(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : 100.0 * cpuNanos / wallNanos;
    }

    /** The process's peak resident set ({@code VmHWM}); 0 where /proc is not there. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: no figure.
        }
        return 0;
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1048576.0);
    }
}
