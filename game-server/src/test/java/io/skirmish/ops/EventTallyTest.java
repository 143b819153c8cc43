package io.skirmish.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Outgoing events are counted per thread and summed when read: no count lost, each event apart. */
class EventTallyTest {
    @Test
    void countsFromManyThreadsAddUpAndOutliveTheirThreads() throws Exception {
        EventTally t = new EventTally();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int bytes = i + 1;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k = 0; k < 10_000; k++) {
                    t.add(bytes);
                }
            });
            threads.add(th);
            th.start();
        }
        t.add(100);
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(40_001, t.events());
        assertEquals(10_000L * (1 + 2 + 3 + 4) + 100, t.bytes());
    }

    @Test
    void theScrapeShowsEachEventsCountAndBytes() {
        ServerMetrics m = new ServerMetrics(30);
        for (int i = 0; i < 3; i++) {
            m.eventOut("s", 40);
        }
        m.eventOut("snapshot", 1500);
        String text = m.scrape();
        assertTrue(text.contains("skirmish_events_out_total{event=\"s\"} 3.0"), text);
        assertTrue(text.contains("skirmish_bytes_out_total{event=\"s\"} 120.0"), text);
        assertTrue(text.contains("skirmish_events_out_total{event=\"snapshot\"} 1.0"), text);
        assertTrue(text.contains("skirmish_bytes_out_total{event=\"snapshot\"} 1500.0"), text);
    }
}
