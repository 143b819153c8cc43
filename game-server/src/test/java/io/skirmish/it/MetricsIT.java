package io.skirmish.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scrapes and parses /metrics after real traffic. */
class MetricsIT {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void theScrapeIsValidPrometheusTextAndCountsWhatHappened() throws Exception {
        TestClient a = server.client(), b = server.client();
        a.call("room:quickplay", "{\"name\":\"M1\"}");
        b.call("room:create", "{\"name\":\"M2\"}");
        b.call("room:join", "{\"code\":\"ZZZZZ\",\"name\":\"M2\"}");
        a.emit("input", "{\"seq\":1,\"moveX\":0,\"moveY\":0,\"aim\":0,\"fire\":false}");
        a.emit("input", "{\"seq\":1,\"moveX\":0,\"moveY\":0,\"aim\":0,\"fire\":false}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> a.got("snapshot").size() > 10);
        await().atMost(5, TimeUnit.SECONDS).until(() ->
                PromMetrics.scrape(server.port).sum("skirmish_rejected_total", "reason=\"stale_seq\"") >= 1);
        PromMetrics m = PromMetrics.scrape(server.port);
        assertEquals("histogram", m.types.get("skirmish_tick_duration_seconds"));
        assertEquals("counter", m.types.get("skirmish_events_in_total"));
        assertEquals("gauge", m.types.get("skirmish_connections"));
        assertTrue(m.sum("skirmish_connections") >= 2);
        assertTrue(m.sum("skirmish_rooms") >= 2);
        assertTrue(m.sum("skirmish_players") >= 2);
        assertTrue(m.sum("skirmish_rooms_by_phase", "phase=\"playing\"") >= 1, "the public room plays");
        assertTrue(m.sum("skirmish_rooms_by_phase", "phase=\"lobby\"") >= 1, "the private room waits");
        assertEquals(0, m.sum("skirmish_spectators"));
        assertEquals("counter", m.types.get("skirmish_skipped_ticks_total"));
        assertEquals(1, m.sum("skirmish_ready"));
        assertTrue(m.sum("skirmish_events_in_total", "event=\"room:quickplay\"") >= 1);
        assertTrue(m.sum("skirmish_events_in_total", "event=\"input\"") >= 2);
        assertTrue(m.sum("skirmish_events_out_total", "event=\"snapshot\"") >= 10);
        assertTrue(m.sum("skirmish_bytes_out_total", "event=\"snapshot\"") > 1000);
        assertTrue(m.sum("skirmish_rejected_total", "event=\"room:join\"", "reason=\"ROOM_NOT_FOUND\"") >= 1);
        assertTrue(m.sum("skirmish_tick_duration_seconds_count") > 10);
        assertTrue(m.sum("skirmish_snapshot_bytes_count") > 10);
        assertTrue(m.sum("skirmish_snapshot_encode_seconds_count") > 10);
        assertTrue(m.sum("skirmish_room_lifecycle_total", "event=\"created\"") >= 2);
        assertTrue(m.series.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")));
        assertTrue(m.series.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")));
        double p99 = m.quantile("skirmish_tick_duration_seconds", 0.99);
        // A tick must fit its budget (1/30 s at 30 Hz). Ticks are timed on the wall clock: on a machine loaded
        // past its cores (other builds on a shared CI box) a tick may wait for a core, and then one histogram
        // bucket (2x) above the budget is still a tick that fits; beyond that it is the server's doing.
        double load = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double bound = load > cores ? 2.0 / 30 : 1.0 / 30;
        assertTrue(p99 > 0 && p99 <= bound, "tick p99 " + p99 + " s, over " + bound + " s (load average " + load
                + " on " + cores + " cores)");
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return 0; // not Linux: the strict bound
        }
    }
}
