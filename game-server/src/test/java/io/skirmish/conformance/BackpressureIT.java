package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that does not keep up gets a bounded number of snapshots, not a backlog. netty-socketio queued
 * every packet without bound for a client between polls (and checked writability on WebSocket only), so
 * one stalled client grew the heap. A poll answer carries the snapshots since the last poll, in order, up
 * to the bound (about the interpolation window); later ones are skipped until the client polls again.
 */
class BackpressureIT {
    private static final Pattern TICK = Pattern.compile("\"tick\":(\\d+)");
    static SkirmishServer game;
    static int port;

    @BeforeAll
    static void start() {
        game = SkirmishServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withGameThreads(1));
        port = game.port();
    }

    @AfterAll
    static void stop() {
        game.close();
    }

    private static long tick(String snapshotPacket) {
        Matcher m = TICK.matcher(snapshotPacket);
        assertTrue(m.find(), snapshotPacket);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aPollingClientThatStopsPollingFindsABoundedRunOfSnapshotsAndEveryReliableEventInOrder() {
        Polling p = new Polling(port);
        String sid = p.open();
        p.push(sid, "40");
        assertTrue(p.receive(sid, 1).get(0).startsWith("40{"));
        p.push(sid, "420[\"room:quickplay\",{\"name\":\"Slow\"}]");
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 20 && got.stream().noneMatch(s -> s.startsWith("430[")); i++) {
            got.addAll(List.of(Polling.packets(p.poll(sid).body())));
        }
        assertTrue(got.stream().anyMatch(s -> s.startsWith("430[{\"ok\":true")), got.toString());

        // A WebSocket player in the same room is the clock: the slow client does not poll meanwhile.
        try (Ws clock = Ws.open(port, true)) {
            clock.send("40");
            assertTrue(clock.text().startsWith("40{"));
            clock.send("421[\"room:quickplay\",{\"name\":\"Clock\"}]");
            clock.textStartingWith("431[{\"ok\":true");
            long lastTick = 0;
            for (int i = 0; i < 90; i++) { // three seconds of snapshots at 30 Hz
                lastTick = tick(clock.textStartingWith("42[\"snapshot\""));
            }
            String[] backlog = Polling.packets(p.poll(sid).body());
            List<String> snapshots = new ArrayList<>();
            List<String> updates = new ArrayList<>();
            for (String packet : backlog) {
                if (packet.startsWith("42[\"snapshot\"")) snapshots.add(packet);
                if (packet.startsWith("42[\"room:update\"")) updates.add(packet);
            }
            assertTrue(snapshots.size() >= 2 && snapshots.size() <= 24, snapshots.size() + " snapshots waited (bound 24)");
            for (int i = 1; i < snapshots.size(); i++) {
                assertEquals(tick(snapshots.get(i - 1)) + 1, tick(snapshots.get(i)), "every snapshot, in order");
            }
            String next = null;
            for (int i = 0; i < 20 && next == null; i++) {
                next = List.of(Polling.packets(p.poll(sid).body())).stream()
                        .filter(s -> s.startsWith("42[\"snapshot\"")).findFirst().orElse(null);
            }
            assertTrue(next != null && tick(next) >= lastTick - 3, "polling again brings the latest state: " + next);
            assertTrue(!updates.isEmpty() && updates.get(updates.size() - 1).contains("\"name\":\"Clock\""),
                    "reliable events are all there: " + updates);
            assertTrue(backlog.length <= 32, backlog.length + " packets waited (the queue's bound: 32)");
            p.push(sid, "1");
        }
    }
}
