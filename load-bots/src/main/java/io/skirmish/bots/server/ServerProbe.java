package io.skirmish.bots.server;

import io.skirmish.bots.stats.Report;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes the server's {@code GET /metrics} once a second on a thread of its own (a slow server
 * must not hold up the bots' timers). When it is not reachable (another port, a proxy, a
 * protected endpoint) the figures are simply absent.
 */
public final class ServerProbe implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMillis(900);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI metrics;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bots-metrics");
        t.setDaemon(true);
        return t;
    });
    private final List<PrometheusText.ServerFigures> measured = new ArrayList<>();
    private volatile PrometheusText.ServerFigures latest;
    private volatile boolean measuring;

    public ServerProbe(URI serverUrl) {
        String base = serverUrl.toString().replaceAll("/+$", "");
        this.metrics = URI.create(base + "/metrics");
    }

    /** Starts scraping, once a second. */
    public ServerProbe start() {
        thread.scheduleWithFixedDelay(this::scrape, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    /** From now on, scrapes count towards {@link #summary()}. */
    public void measuring() {
        measuring = true;
    }

    /** The last scrape's figures, or null if none has succeeded (yet). */
    public PrometheusText.ServerFigures latest() {
        return latest;
    }

    /** Over the scrapes since {@link #measuring()}: CPU mean and max, peak memory; null if there were none. */
    public synchronized Report.ServerSide summary() {
        List<PrometheusText.ServerFigures> all = measured.isEmpty() && latest != null ? List.of(latest) : measured;
        if (all.isEmpty()) {
            return null;
        }
        DoubleSummaryStatistics cpu = all.stream().filter(f -> f.cpuPercent() != null)
                .mapToDouble(PrometheusText.ServerFigures::cpuPercent).summaryStatistics();
        double heap = all.stream().filter(f -> f.heapMb() != null).mapToDouble(PrometheusText.ServerFigures::heapMb)
                .max().orElse(0);
        double nonHeap = all.stream().filter(f -> f.nonHeapMb() != null)
                .mapToDouble(PrometheusText.ServerFigures::nonHeapMb).max().orElse(0);
        Integer connections = all.get(all.size() - 1).connections();
        return new Report.ServerSide(cpu.getCount() == 0 ? 0 : Math.round(cpu.getAverage() * 10) / 10.0,
                cpu.getCount() == 0 ? 0 : cpu.getMax(), heap, nonHeap, connections);
    }

    private void scrape() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return;
            }
            PrometheusText.ServerFigures f = PrometheusText.figures(r.body());
            latest = f;
            if (measuring) {
                synchronized (this) {
                    measured.add(f);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            latest = null; // not reachable now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
