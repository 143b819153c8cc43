package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session's less travelled paths (see {@link SessionRig}): the gate's admission, two namespaces,
 * refused connects, packets out of turn, and how each close reason ends each transport, including a
 * server disconnect kept for the client's last poll.
 */
class SessionEdgesTest extends SessionRig {
    @Test
    void theGatesAdmissionIsGivenBackOnceAtTheFirstConnect() throws Exception {
        AtomicInteger released = new AtomicInteger();
        EngineSession s = webSocket();
        s.admitted(released::incrementAndGet);
        assertEquals(0, released.get(), "held while the session has joined nothing");
        receive(s, "40");
        assertEquals(1, released.get());
        receive(s, "40/admin,{\"key\":\"secret\"}");
        receive(s, "1");
        assertEquals(1, released.get(), "once");

        AtomicInteger unjoined = new AtomicInteger();
        EngineSession t = webSocket();
        t.admitted(unjoined::incrementAndGet);
        advance(1000);
        assertTrue(t.isClosed(), "connect timeout");
        assertEquals(1, unjoined.get(), "given back when the session ends before joining");

        AtomicInteger late = new AtomicInteger();
        t.admitted(late::incrementAndGet);
        assertEquals(1, late.get(), "a session already closed gives it back at once");
    }

    @Test
    void twoNamespacesEachWithItsOwnSocketAndTheLastDisconnectCloses() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        String first = nextText();
        receive(s, "40/admin,{\"key\":\"secret\"}");
        String second = nextText();
        assertTrue(second.startsWith("40/admin,{\"sid\":\""), second);
        EngineNamespaceClient a = (EngineNamespaceClient) s.getChildClient(admin);
        EngineNamespaceClient m = (EngineNamespaceClient) s.getChildClient(main);
        assertNotEquals(a.socketId(), m.socketId());
        assertEquals(20, a.socketId().length(), "15 random bytes, base64url");
        assertTrue(first.contains(m.socketId()) && second.contains(a.socketId()));
        assertEquals(Set.of(main, admin), s.getNamespaces());

        receive(s, "42/admin,[\"count\",5]");
        assertEquals(List.of("admin count 5"), heard, "typed by the listener of its own namespace");

        a.disconnect();
        ch.runPendingTasks();
        assertEquals("41/admin,", nextText());
        assertEquals(List.of("admin count 5", "left /admin"), heard);
        assertFalse(s.isClosed(), "another namespace is still joined");
        assertNull(s.getChildClient(admin));
        a.disconnect();
        ch.runPendingTasks();
        assertNull(ch.readOutbound(), "a socket already gone is not disconnected twice");
        receive(s, "42/admin,[\"count\",6]");
        assertTrue(s.isClosed(), "an event for a namespace left is a violation");
        assertEquals(1, violations.get());
    }

    @Test
    void aClientLeavingANamespaceKeepsTheSessionAndItsHeartbeat() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        receive(s, "41");
        assertEquals(List.of("left /"), heard);
        assertNull(s.getChildClient(main));
        assertTrue(s.getNamespaces().isEmpty());
        for (int i = 0; i < 4; i++) {
            advance(300);
            assertEquals("2", nextText(), "still pinged");
            receive(s, "3");
        }
        assertFalse(s.isClosed(), "the connect timeout is over once a namespace was joined");
        receive(s, "40");
        assertTrue(nextText().startsWith("40{"), "and may join again");
    }

    @Test
    void refusedConnectsAnswerWithAConnectErrorAndKeepTheSession() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40/nowhere,");
        assertEquals("44/nowhere,{\"message\":\"Invalid namespace\"}", nextText());
        receive(s, "40/admin,{\"key\":\"guess\"}");
        assertEquals("44/admin,{\"message\":\"wrong key\"}", nextText());
        assertNull(s.getChildClient(admin));
        assertFalse(s.isClosed());
        assertEquals(0, violations.get());
        assertEquals(Map.of("key", "guess"), s.getHandshakeData().getAuthToken(), "the auth the client sent");
        advance(1000);
        assertTrue(s.isClosed(), "refusals do not stop the connect timeout");
    }

    /** A WebSocket session on a channel of its own gets {@code packets}: whether a violation closed it. */
    private boolean violates(String... packets) throws ProtocolViolation {
        EmbeddedChannel c = channel();
        EngineSession s = ownWebSocket(c);
        int before = violations.get();
        for (String p : packets) {
            s.receive(c, List.of(EngineIoCodec.decodeText(p)));
            c.runPendingTasks();
        }
        assertEquals(s.isClosed(), violations.get() == before + 1, () -> String.join(" ", packets));
        return s.isClosed();
    }

    @Test
    void packetsOutOfTurnAreViolations() throws Exception {
        for (String bad : List.of("42[\"e\"]", "41", "43[]", "44\"x\"")) {
            assertTrue(violates(bad), bad + " before any CONNECT");
        }
        assertTrue(violates("40", "40"), "a second CONNECT to the same namespace");
        assertTrue(violates("40", "44\"x\""), "a CONNECT_ERROR from the client");
        for (String bad : List.of("0", "2", "5")) {
            assertTrue(violates("40", bad), bad + " from the client");
        }
        assertTrue(violates("40", "4x"), "an undecodable message");
        assertFalse(violates("6", "40", "6", "41", "3"), "noops, a pong, a connect and a leave");
    }

    @Test
    void aClientCloseOverPollingDropsWhatWaitedAndTheSessionIsGone() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        s.getChildClient(main).sendEvent("queued", 1);
        assertEquals(1, engine.size());
        receive(s, "1");
        assertTrue(s.isClosed());
        assertEquals(0, engine.size(), "no poll waiting: gone at once");
        assertTrue(s.getPacketsQueue(Transport.POLLING).isEmpty(), "nothing is left waiting");
        assertEquals(EngineError.UNKNOWN_SID, s.onPollRequest(channel(), true));
    }

    @Test
    void aClientCloseAnswersTheWaitingPollWithANoop() throws Exception {
        EngineSession s = polling();
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        poll.runPendingTasks();
        assertNull(poll.readOutbound());
        receive(s, "1");
        assertEquals("200 6", nextAnswer(poll));
        assertEquals(0, engine.size());
    }

    @Test
    void aServerDisconnectOverPollingIsKeptForTheNextPollThenForgotten() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel first = channel();
        assertNull(s.onPollRequest(first, true));
        nextAnswer(first);
        s.disconnect();
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertSame(s, engine.find(s.sid()), "kept: the client has not learnt why yet");
        EmbeddedChannel last = channel();
        assertNull(s.onPollRequest(last, true));
        assertEquals("200 41\u001e1", nextAnswer(last));
        assertNull(engine.find(s.sid()), "gone once a poll took it");

        EngineSession t = polling();
        receive(t, "40");
        EmbeddedChannel p = channel();
        assertNull(t.onPollRequest(p, true));
        nextAnswer(p);
        t.disconnect();
        ch.runPendingTasks();
        advance(499);
        assertSame(t, engine.find(t.sid()));
        advance(1);
        assertNull(engine.find(t.sid()), "forgotten an interval plus a timeout later");
    }

    @Test
    void otherEndsOverPollingWithNothingWaitingForgetTheSessionAtOnce() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        s.close(CloseReason.PROTOCOL_ERROR);
        ch.runPendingTasks();
        assertNull(engine.find(s.sid()), "not a server disconnect: nothing kept");

        EngineSession t = polling();
        t.disconnect(); // joined nothing: only the close packet waits
        ch.runPendingTasks();
        assertNull(engine.find(t.sid()));
    }

    /** The close code a WebSocket session on a channel of its own ends with when {@code end} runs. */
    private int closeCode(java.util.function.Consumer<EngineSession> end, long advanceMs) {
        EmbeddedChannel c = channel();
        c.freezeTime();
        EngineSession s = ownWebSocket(c);
        end.accept(s);
        now += TimeUnit.MILLISECONDS.toNanos(advanceMs);
        c.advanceTimeBy(advanceMs, TimeUnit.MILLISECONDS);
        c.runScheduledPendingTasks(); // the ping, late: the pong was due at 500 ms
        c.runScheduledPendingTasks(); // so it is late at once
        c.runPendingTasks();
        assertTrue(s.isClosed());
        assertNull(engine.find(s.sid()));
        Object o;
        List<String> texts = new ArrayList<>();
        while ((o = c.readOutbound()) instanceof TextWebSocketFrame t) {
            texts.add(t.text());
            ReferenceCountUtil.release(t);
        }
        assertInstanceOf(CloseWebSocketFrame.class, o);
        int code = ((CloseWebSocketFrame) o).statusCode();
        ReferenceCountUtil.release(o);
        assertFalse(c.isOpen(), "closed after the close frame");
        assertEquals(advanceMs > 0 ? List.of("2") : List.of(), texts);
        return code;
    }

    @Test
    void aWebSocketEndsWithTheCloseCodeOfItsReason() {
        assertEquals(1001, closeCode(s -> s.close(CloseReason.SERVER_SHUTDOWN), 0), "going away");
        assertEquals(1000, closeCode(s -> s.close(CloseReason.SERVER_DISCONNECT), 0));
        assertEquals(1000, closeCode(s -> s.close(CloseReason.CLIENT_CLOSE), 0));
        assertEquals(1000, closeCode(s -> { }, 500), "ping timeout");
    }

    @Test
    void nothingIsSentAfterTheEnd() throws Exception {
        EngineSession s = webSocket();
        receive(s, "1");
        assertInstanceOf(CloseWebSocketFrame.class, ch.readOutbound());
        advance(1000);
        assertNull(ch.readOutbound(), "no more pings");
        assertEquals(0, engine.size());
    }

}
