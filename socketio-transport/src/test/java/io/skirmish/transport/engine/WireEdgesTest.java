package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.transport.EngineSettings;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.databind.util.RawValue;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packet writer's remaining forms, a shared packet's identity and its wire form built once, and
 * the heartbeat alone on a hand-moved clock.
 */
class WireEdgesTest {
    private final PacketWriter writer = new PacketWriter(new EngineJson());
    private final SharedPacket.Recent recent = new SharedPacket.Recent();

    private static Packet message(PacketType sub, String nsp, String name, List<Object> data) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(sub);
        p.setNsp(nsp);
        p.setName(name);
        p.setData(data);
        return p;
    }

    @Test
    void theRemainingEngineIoForms() throws Exception {
        assertEquals("5", writer.encode(new Packet(PacketType.UPGRADE, EngineIOVersion.V4)).text());
        assertEquals("3", writer.encode(new Packet(PacketType.PONG, EngineIOVersion.V4)).text(), "a pong without data");
        Packet open = new Packet(PacketType.OPEN, EngineIOVersion.V4);
        open.setData(Map.of("sid", "s"));
        PacketWriter.Encoded e = writer.encode(open);
        assertEquals("0{\"sid\":\"s\"}", e.text());
        assertTrue(e.attachments().isEmpty());
        Packet notSio = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        notSio.setSubType(PacketType.PING);
        assertThrows(IllegalArgumentException.class, () -> writer.encode(notSio), "not a Socket.IO type");
    }

    @Test
    void theRemainingSocketIoForms() throws Exception {
        assertEquals("42[\"bare\"]", writer.encode(message(PacketType.EVENT, "/", "bare", null)).text(),
                "no arguments, and / is the main namespace");
        assertEquals("43[]", writer.encode(message(PacketType.ACK, "", null, null)).text());
        assertEquals("42[\"e\",1]", writer.encode(message(PacketType.BINARY_EVENT, "", "e", List.of(1))).text(),
                "binary only with attachments");
        assertEquals("43[2]", writer.encode(message(PacketType.BINARY_ACK, "", null, List.of(2))).text());
        assertEquals("40", writer.encode(message(PacketType.CONNECT, "", null, null)).text());
        Packet error = message(PacketType.ERROR, "/a", null, null);
        error.setData("no");
        assertEquals("44/a,\"no\"", writer.encode(error).text());
        Packet ack = message(PacketType.ACK, "/", null, List.of());
        ack.setAckId(0L);
        assertEquals("430[]", writer.encode(ack).text());
        Packet three = message(PacketType.EVENT, "", "f", Arrays.asList(new byte[] {1}, new byte[] {2}, new byte[] {3}));
        PacketWriter.Encoded e = writer.encode(three);
        assertTrue(e.text().startsWith("453-[\"f\","), e.text());
        assertEquals(3, e.attachments().size());
    }

    @Test
    void aSharedPacketIsTheSameForTheSamePayloadNamespaceAndEvent() throws Exception {
        RawValue snap = new RawValue("{\"t\":1}");
        Packet a = SharedPacket.event(recent, "/", "s", new Object[] {snap});
        assertInstanceOf(SharedPacket.class, a);
        assertSame(a, SharedPacket.event(recent, "/", "s", new Object[] {snap}));
        assertNotSame(a, SharedPacket.event(recent, "/", "other", new Object[] {snap}), "another event");
        assertNotSame(a, SharedPacket.event(recent, "/x", "s", new Object[] {snap}), "another namespace");
        assertNotSame(a, SharedPacket.event(recent, "/", "s", new Object[] {new RawValue(new String("{\"t\":1}"))}), "another payload object, equal text");
        assertEquals("/", a.getNsp());
        assertEquals("s", a.getName());
        assertEquals(PacketType.EVENT, a.getSubType());

        Packet plain = SharedPacket.event(recent, "/", "s", new Object[] {1});
        assertFalse(plain instanceof SharedPacket);
        assertNotSame(plain, SharedPacket.event(recent, "/", "s", new Object[] {1}));
        assertFalse(SharedPacket.event(recent, "/", "s", new Object[] {snap, snap}) instanceof SharedPacket, "two arguments");
        assertFalse(SharedPacket.event(recent, "/", "s", new Object[] {}) instanceof SharedPacket);
        assertEquals("42[\"s\",1]", writer.encode(plain).text());

        SharedPacket.Wire w = ((SharedPacket) a).wire(writer);
        assertEquals("42[\"s\",{\"t\":1}]", w.text());
        assertEquals(w.text(), new String(w.utf8(), java.nio.charset.StandardCharsets.UTF_8));
        assertSame(w, ((SharedPacket) a).wire(writer), "built once");
    }

    @Test
    void aSendersRecentPacketsAreItsLastFourPayloads() {
        List<RawValue> payloads = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            payloads.add(new RawValue("{\"i\":" + i + "}"));
            packets.add(SharedPacket.event(recent, "/", "s", new Object[] {payloads.get(i)}));
        }
        for (int i = 1; i < 5; i++) {
            assertSame(packets.get(i), SharedPacket.event(recent, "/", "s", new Object[] {payloads.get(i)}), "payload " + i);
        }
        assertNotSame(packets.get(0), SharedPacket.event(recent, "/", "s", new Object[] {payloads.get(0)}), "the fifth back is forgotten");
    }

    @Test
    void theHeartbeatPingsAfterEachIntervalAndEndsWhenAPongIsLate() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        long[] now = {0};
        List<String> events = new ArrayList<>();
        Heartbeat h = new Heartbeat(new HomeLoop(ch.eventLoop()), EngineSettings.of(300, 200, 1000), () -> now[0],
                () -> events.add("ping@" + TimeUnit.NANOSECONDS.toMillis(now[0])),
                () -> events.add("late@" + TimeUnit.NANOSECONDS.toMillis(now[0])));
        Runnable step = () -> {
            now[0] += TimeUnit.MILLISECONDS.toNanos(50);
            ch.advanceTimeBy(50, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
            ch.runScheduledPendingTasks();
        };
        h.start();
        for (int i = 0; i < 6; i++) step.run(); // 300
        assertEquals(List.of("ping@300"), events);
        for (int i = 0; i < 3; i++) step.run(); // 450
        h.onPong();
        for (int i = 0; i < 6; i++) step.run(); // 750: the next ping, 300 after the pong
        assertEquals(List.of("ping@300", "ping@750"), events);
        for (int i = 0; i < 3; i++) step.run(); // 900
        assertEquals(List.of("ping@300", "ping@750"), events);
        step.run(); // 950: 200 after the ping
        assertEquals(List.of("ping@300", "ping@750", "late@950"), events);
        h.stop();
        for (int i = 0; i < 20; i++) step.run();
        assertEquals(3, events.size(), "stopped: nothing more");
        ch.finishAndReleaseAll();
    }

    @Test
    void aStoppedHeartbeatNeitherPingsNorEnds() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        List<String> events = new ArrayList<>();
        Heartbeat h = new Heartbeat(new HomeLoop(ch.eventLoop()), EngineSettings.of(300, 200, 1000), () -> 0L,
                () -> events.add("ping"), () -> events.add("late"));
        h.start();
        ch.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(List.of("ping"), events);
        h.stop();
        ch.advanceTimeBy(10_000, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(List.of("ping"), events, "the pong timer is cancelled too");
        assertEquals(-1, h.roundTrip.lastMillis());
        ch.finishAndReleaseAll();
    }
}
