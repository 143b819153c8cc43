package io.skirmish.bots.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The few figures the bots read from a server's {@code /metrics} (Prometheus text format 0.0.4):
 * each sample line is {@code name{labels} value [timestamp]}.
 */
public final class PrometheusText {
    private PrometheusText() {}

    /** One sample line. */
    public record Sample(String name, String labels, double value) {}

    /** Every sample line of {@code text}; comments and lines that do not parse are skipped. */
    public static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space;
            String name;
            String labels = "";
            if (brace >= 0 && brace < line.indexOf(' ')) {
                int close = line.indexOf('}', brace);
                if (close < 0) {
                    continue;
                }
                name = line.substring(0, brace);
                labels = line.substring(brace + 1, close);
                space = close + 1;
            } else {
                space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                name = line.substring(0, space);
            }
            String[] rest = line.substring(space).strip().split("\\s+");
            try {
                out.add(new Sample(name, labels, Double.parseDouble(rest[0])));
            } catch (NumberFormatException e) {
                // NaN and the like are parsed by Double; anything else is no sample
            }
        }
        return out;
    }

    /** The server's process figures in one scrape. */
    public record ServerFigures(Double cpuPercent, Double heapMb, Double nonHeapMb, Integer connections) {}

    /**
     * CPU as percent of one core ({@code process_cpu_usage}, Micrometer's share of all cores, times
     * {@code system_cpu_count}), JVM heap and non-heap in use (MB), and {@code skirmish_connections}.
     * A figure the server does not export is null.
     */
    public static ServerFigures figures(String text) {
        Double cpu = null;
        Double cores = null;
        double heap = 0;
        double nonHeap = 0;
        boolean memory = false;
        Integer connections = null;
        for (Sample s : parse(text)) {
            switch (s.name()) {
                case "process_cpu_usage" -> cpu = s.value();
                case "system_cpu_count" -> cores = s.value();
                case "jvm_memory_used_bytes" -> {
                    memory = true;
                    if (s.labels().contains("area=\"heap\"")) {
                        heap += s.value();
                    } else {
                        nonHeap += s.value();
                    }
                }
                case "skirmish_connections" -> connections = (int) s.value();
                default -> { }
            }
        }
        Double cpuPercent = cpu == null || cpu.isNaN() || cpu < 0 ? null
                : Math.round(cpu * (cores == null ? 1 : cores) * 1000) / 10.0;
        return new ServerFigures(cpuPercent, memory ? mb(heap) : null, memory ? mb(nonHeap) : null, connections);
    }

    private static double mb(double bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
