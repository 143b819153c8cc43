package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.FrameDecoder;
import io.skirmish.snapshot.SnapshotText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compact snapshots on a real server and real transports (docs/protocol.md, "Compact snapshots"):
 * the protocol version stated at connect chooses the form, a wrong one is refused with an error naming
 * both versions, and a client that fell behind catches up through a keyframe to exactly the state a
 * fast client holds.
 */
class CompactSnapshotsIT {
    private static final String COMPACT = "42[\"s\",\"";
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

    @Test
    void aClientOfAnotherVersionIsRefusedWithAnErrorNamingBoth() {
        try (Ws ws = Ws.open(port, true)) {
            ws.send("40{\"protocol\":3}");
            String refused = ws.text();
            assertTrue(refused.startsWith("44{\"message\":\"PROTOCOL_VERSION: this server speaks protocol 2"), refused);
            assertTrue(refused.contains("the client stated 3"), refused);
            assertTrue(refused.contains("\"data\":{\"code\":\"PROTOCOL_VERSION\",\"server\":2,\"client\":3}"), refused);
            ws.send("421[\"room:quickplay\",{\"name\":\"Nope\"}]"); // not connected: a protocol error closes it
            ws.awaitClosed();
        }
        try (Ws ws = Ws.connect(port, "EIO=4&transport=websocket&protocol=7", true, Map.of())) {
            assertTrue(ws.text().startsWith("0{"));
            ws.send("40");
            String refused = ws.text();
            assertTrue(refused.startsWith("44{") && refused.contains("the client stated 7"), refused);
        }
    }

    @Test
    void noVersionKeepsFullJsonSnapshotsAndVersionTwoGetsCompactOnes() {
        try (Ws json = Ws.open(port, true); Ws compact = Ws.open(port, true)) {
            json.send("40");
            assertTrue(json.text().startsWith("40{"));
            compact.send("40{\"protocol\":2}");
            assertTrue(compact.text().startsWith("40{"));
            json.send("421[\"room:quickplay\",{\"name\":\"Json\"}]");
            json.textStartingWith("431[{\"ok\":true");
            compact.send("421[\"room:quickplay\",{\"name\":\"Compact\"}]");
            compact.textStartingWith("431[{\"ok\":true");
            assertTrue(json.textStartingWith("42[\"snapshot\",{\"tick\":").contains("\"players\":["));
            String first = compact.textStartingWith(COMPACT);
            assertTrue(FrameDecoder.isKeyframe(bytes(first)), "a new receiver starts with a keyframe");
            Frame held = FrameDecoder.decode(null, bytes(first));
            for (int i = 0; i < 10; i++) {
                byte[] b = bytes(compact.textStartingWith(COMPACT));
                held = FrameDecoder.decode(held, b);
            }
            assertEquals(2, held.ships().size(), "both players in the room");
        }
    }

    @Test
    void aSpectatorsCompactSnapshotsSayHowFarBehindTheyAreAndEqualThePlayersOnes() {
        try (Ws player = Ws.open(port, true); Ws spectator = Ws.open(port, true)) {
            player.send("40{\"protocol\":2}");
            assertTrue(player.text().startsWith("40{"));
            player.send("421[\"room:create\",{\"name\":\"Host\",\"settings\":{\"spectators\":true}}]");
            String code = player.textStartingWith("431[{\"ok\":true").replaceAll(".*\"code\":\"([A-Z0-9]{5})\".*", "$1");
            spectator.send("40{\"protocol\":2}");
            assertTrue(spectator.text().startsWith("40{"));
            spectator.send("421[\"room:spectate\",{\"code\":\"" + code + "\",\"name\":\"Watcher\"}]");
            String answer = spectator.textStartingWith("431[{\"ok\":true");
            long delay = Long.parseLong(answer.replaceAll(".*\"delayMs\":(\\d+).*", "$1"));
            assertTrue(delay > 0, answer);

            List<Frame> watched = new ArrayList<>();
            Frame held = null;
            for (int i = 0; i < 12; i++) {
                byte[] b = bytes(spectator.textStartingWith(COMPACT));
                assertEquals(i == 0, FrameDecoder.isKeyframe(b), "a keyframe first, then deltas: " + i);
                held = FrameDecoder.decode(held, b);
                assertEquals(delay, held.delayMs(), "the header says how far behind: " + i);
                watched.add(held);
            }
            Map<Long, Frame> live = new HashMap<>();
            Frame p = null;
            while (p == null || p.tick() < held.tick()) {
                p = FrameDecoder.decode(p, bytes(player.textStartingWith(COMPACT)));
                assertFalse(p.delayed(), "a player's copy has no delay");
                live.put(p.tick(), p);
            }
            for (Frame f : watched) {
                assertEquals(live.get(f.tick()), f.withDelay(Frame.LIVE), "tick " + f.tick());
            }
        }
    }

    @Test
    void aSlowClientCatchesUpThroughAKeyframeAndEndsInTheFastClientsState() {
        Polling slow = new Polling(port);
        try (Ws fast = Ws.open(port, true)) {
            fast.send("40{\"protocol\":2}");
            assertTrue(fast.text().startsWith("40{"));
            fast.send("421[\"room:create\",{\"name\":\"Fast\",\"settings\":{\"spectators\":true}}]");
            String ack = fast.textStartingWith("431[{\"ok\":true");
            String code = ack.replaceAll(".*\"code\":\"([A-Z0-9]{5})\".*", "$1");

            String sid = slow.open();
            slow.push(sid, "40{\"protocol\":2}");
            assertTrue(slow.receive(sid, 1).get(0).startsWith("40{"));
            slow.push(sid, "420[\"room:join\",{\"code\":\"" + code + "\",\"name\":\"Slow\"}]");

            Map<Long, Frame> fastFrames = new HashMap<>();
            FastReader reader = new FastReader(fast, fastFrames);
            SlowReader slowReader = new SlowReader(slow, sid);
            // Both in the room and reading: the slow client polls along for a while.
            while (slowReader.frames.size() < 15) {
                slowReader.pollOnce();
                reader.read(2);
            }
            // Then it stops polling for two seconds of snapshots, while the fast one flies and fires.
            reader.read(60);
            int before = slowReader.frames.size();
            while (slowReader.frames.size() < before + 30) {
                slowReader.pollOnce();
                reader.read(1);
            }
            reader.read(5);

            assertEquals(0, slowReader.refused, "every delta the slow client got applied to the state it held");
            assertTrue(slowReader.keyframesAfterGap > 0, "it caught up through a keyframe");
            for (Frame f : slowReader.frames) {
                Frame same = fastFrames.get(f.tick());
                assertNotNull(same, "the fast client had tick " + f.tick());
                assertEquals(same, f, "tick " + f.tick());
            }
            Frame last = slowReader.frames.get(slowReader.frames.size() - 1);
            assertFalse(last.shots().isEmpty() && last.ships().isEmpty());
            assertEquals(2, last.ships().size());
            slow.push(sid, "1");
        }
    }

    /** The fast player: reads every compact snapshot as it comes, and sends an input for each. */
    static final class FastReader {
        final Ws ws;
        final Map<Long, Frame> frames;
        Frame held;
        int seq;

        FastReader(Ws ws, Map<Long, Frame> frames) {
            this.ws = ws;
            this.frames = frames;
        }

        void read(int n) {
            for (int i = 0; i < n; i++) {
                held = FrameDecoder.decode(held, bytes(ws.textStartingWith(COMPACT)));
                frames.put(held.tick(), held);
                seq++;
                double mx = (seq / 30) % 2 == 0 ? 1 : -1;
                ws.send("42[\"input\",{\"seq\":" + seq + ",\"moveX\":" + mx + ",\"moveY\":0.3,\"aim\":" + (seq * 0.1)
                        + ",\"fire\":true}]");
            }
        }
    }

    /** The slow player over long-polling: decodes what each poll brings, in order. */
    static final class SlowReader {
        final Polling p;
        final String sid;
        final List<Frame> frames = new ArrayList<>();
        Frame held;
        int refused;
        int keyframesAfterGap;

        SlowReader(Polling p, String sid) {
            this.p = p;
            this.sid = sid;
        }

        void pollOnce() {
            for (String packet : Polling.packets(p.poll(sid).body())) {
                if (packet.equals("2")) {
                    p.push(sid, "3");
                } else if (packet.startsWith(COMPACT)) {
                    byte[] b = bytes(packet);
                    boolean key = FrameDecoder.isKeyframe(b);
                    try {
                        Frame next = FrameDecoder.decode(held, b);
                        if (key && held != null && next.tick() > held.tick() + 1) {
                            keyframesAfterGap++;
                        }
                        held = next;
                        frames.add(held);
                    } catch (IllegalArgumentException e) {
                        refused++;
                    }
                }
            }
        }
    }

    static byte[] bytes(String packet) {
        int start = packet.indexOf(",\"") + 2;
        return SnapshotText.bytes(packet.substring(start, packet.length() - 2));
    }
}
