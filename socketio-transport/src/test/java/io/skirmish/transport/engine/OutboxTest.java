package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of what waits for one client, without a session around it. */
class OutboxTest {
    private static final EngineSettings SETTINGS = EngineSettings.of(300, 200, 1000).withOutboundLimits(3, 5, 1024);

    private static Packet packet() {
        return new Packet(PacketType.NOOP, EngineIOVersion.V4);
    }

    @Test
    void packetsLeaveInOrderAndAreCounted() {
        Outbox box = new Outbox(SETTINGS);
        Packet a = packet();
        Packet b = packet();
        box.add(a);
        box.add(b);
        assertEquals(2, box.size());
        assertSame(a, box.next());
        assertEquals(1, box.size());
        assertEquals(List.of(b), box.drain());
        assertEquals(0, box.size());
        assertNull(box.next());
    }

    @Test
    void fullAtTheQueuedLimitAndOverTheBacklogOnlyPastItsBound() {
        Outbox box = new Outbox(SETTINGS);
        for (int i = 0; i < 2; i++) box.add(packet());
        assertFalse(box.full());
        box.add(packet());
        assertTrue(box.full(), "3 waiting: a packet the client may miss is refused");
        box.add(packet());
        box.add(packet());
        assertFalse(box.overBacklog(), "5 waiting is the bound itself");
        box.add(packet());
        assertTrue(box.overBacklog());
        box.clear();
        assertEquals(0, box.size());
        assertFalse(box.full());
    }

    @Test
    void pollVolatileIsBoundedPerKeyUntilAPollTakesThem() {
        Outbox box = new Outbox(EngineSettings.of(300, 200, 1000).withOutboundLimits(100, 200, 1024));
        for (int i = 0; i < Outbox.MAX_POLL_VOLATILE; i++) {
            assertTrue(box.reservePollVolatile("/\u0000s"), "reservation " + i);
        }
        assertFalse(box.reservePollVolatile("/\u0000s"), "one poll answer carries at most MAX_POLL_VOLATILE of one key");
        assertTrue(box.reservePollVolatile("/\u0000other"), "another key has its own bound");
        box.pollAnswered();
        assertTrue(box.reservePollVolatile("/\u0000s"), "a poll answer starts the count again");
    }

    @Test
    void pollVolatileIsRefusedWhileTheQueueIsFull() {
        Outbox box = new Outbox(SETTINGS);
        for (int i = 0; i < 3; i++) box.add(packet());
        assertFalse(box.reservePollVolatile("k"));
    }
}
