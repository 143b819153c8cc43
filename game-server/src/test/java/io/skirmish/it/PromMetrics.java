package io.skirmish.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A parsed Prometheus text scrape: series (name plus labels, as printed) to value. */
final class PromMetrics {
    final Map<String, Double> series = new HashMap<>();
    final Map<String, String> types = new HashMap<>();

    static PromMetrics scrape(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("/metrics answered " + r.statusCode());
        return parse(r.body());
    }

    static PromMetrics parse(String text) {
        PromMetrics m = new PromMetrics();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                m.types.put(p[2], p[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                m.series.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
        return m;
    }

    /** Sum of every series of this name whose labels contain all the given {@code k="v"} pairs. */
    double sum(String name, String... labels) {
        double total = 0;
        for (var e : series.entrySet()) {
            String key = e.getKey();
            String base = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (!base.equals(name)) continue;
            boolean all = true;
            for (String l : labels) all &= key.contains(l);
            if (all) total += e.getValue();
        }
        return total;
    }

    /** The q-quantile of a histogram, from its cumulative buckets (the upper bound of the bucket it falls in). */
    double quantile(String histogram, double q) {
        return quantileSince(null, histogram, q);
    }

    /** The q-quantile of what a histogram recorded since an earlier scrape (null: since the start). */
    double quantileSince(PromMetrics earlier, String histogram, double q) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (var e : series.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(histogram + "_bucket{")) continue;
            int le = key.indexOf("le=\"");
            String bound = key.substring(le + 4, key.indexOf('"', le + 4));
            double before = earlier == null ? 0 : earlier.series.getOrDefault(key, 0.0);
            buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                    e.getValue() - before, Double::sum);
        }
        double count = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        for (var b : buckets.entrySet()) {
            if (b.getValue() >= q * count) return b.getKey();
        }
        return Double.NaN;
    }
}
