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
 * What netty-socketio and the host ask of a session and its sockets (see {@link SessionRig}): state,
 * transport channels, sends before a socket is ready or after it left, the outbox bound on a
 * WebSocket, the heartbeat's round trip, and the engine's session table and authorization.
 */
class SessionApiTest extends SessionRig {
    @Test
    void whatNettySocketIoAsksOfASession() throws Exception {
        EngineSession s = webSocket();
        assertTrue(s.isConnected());
        assertTrue(s.isChannelOpen());
        assertTrue(s.isWritable());
        assertTrue(s.isTransportChannel(ch, Transport.WEBSOCKET));
        assertFalse(s.isTransportChannel(channel(), Transport.WEBSOCKET));
        assertFalse(s.isTransportChannel(ch, Transport.POLLING));
        receive(s, "40");
        nextText();
        s.removeNamespaceClient(s.getChildClient(main));
        assertTrue(s.getNamespaces().isEmpty());
        s.onChannelDisconnect();
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertFalse(s.isConnected());
        assertFalse(s.isChannelOpen());
        assertFalse(s.isWritable());

        EngineSession p = polling();
        assertTrue(p.isChannelOpen(), "a polling session is open between polls");
        assertTrue(p.isWritable());
        EmbeddedChannel poll = channel();
        assertFalse(p.isTransportChannel(poll, Transport.POLLING));
        assertNull(p.onPollRequest(poll, false));
        assertTrue(p.isTransportChannel(poll, Transport.POLLING));
        assertSame(p, poll.attr(EngineSession.SESSION).get());
        assertEquals(Boolean.FALSE, poll.attr(EngineSession.KEEP_ALIVE).get());
    }

    @Test
    void aPollWithoutKeepAliveIsClosedAfterItsAnswer() throws Exception {
        EngineSession s = polling();
        receive(s, "40");
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, false));
        poll.runPendingTasks();
        FullHttpResponse r = poll.readOutbound();
        assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
        r.release();
        poll.runPendingTasks();
        assertFalse(poll.isOpen());
        assertNull(poll.attr(EngineSession.SESSION).get(), "the answered poll no longer carries the session");
        EmbeddedChannel kept = channel();
        s.getChildClient(main).sendEvent("e", 1);
        assertNull(s.onPollRequest(kept, true));
        nextAnswer(kept);
        assertTrue(kept.isOpen());
    }

    @Test
    void sendsBeforeTheWebSocketTakesThemWaitAndCountAgainstTheBound() throws Exception {
        EngineSession s = open(Transport.WEBSOCKET);
        EmbeddedChannel raw = new EmbeddedChannel(); // no encoder: nothing drains the outbox
        others.add(raw);
        s.attachWebSocket(raw);
        s.start();
        receive(s, "40");
        EngineNamespaceClient c = (EngineNamespaceClient) s.getChildClient(main);
        for (int i = 0; i < 2; i++) {
            assertTrue(c.sendVolatile("snapshot", i), "send " + i);
        }
        c.sendEvent("e", 0); // 4 waiting: the bound
        assertTrue(raw.isWritable());
        assertFalse(s.isWritable());
        assertFalse(c.sendVolatile("snapshot", 9), "refused at the bound even though the socket is writable");
        for (int i = 0; i < 6; i++) {
            c.sendEvent("e", i);
        }
        assertFalse(s.isClosed(), "10 waiting: the hard bound itself");
        c.sendEvent("e", "one too many");
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertFalse(c.sendVolatile("snapshot", 10), "closed");
    }

    @Test
    void aSocketSendsNothingBeforeItsConnectAnswerNorAfterItLeft() throws Exception {
        EngineSession s = webSocket();
        EngineNamespaceClient early = new EngineNamespaceClient(s, main, "early");
        early.sendEvent("e", 1);
        assertFalse(early.sendVolatile("snapshot", 1));
        AtomicInteger timeouts = new AtomicInteger();
        AckCallback<String> ack = new AckCallback<>(String.class) {
            @Override
            public void onSuccess(String result) { }

            @Override
            public void onTimeout() {
                timeouts.incrementAndGet();
            }
        };
        early.sendEvent("ask", ack, 1);
        assertEquals(1, timeouts.get(), "not ready: the ack times out at once");
        assertNull(ch.readOutbound());
        early.ready();
        early.sendEvent("e", 2);
        assertEquals("42[\"e\",2]", nextText());
        early.onDisconnect();
        early.onDisconnect();
        assertTrue(early.isGone());
        assertEquals(List.of("left /"), heard, "disconnect listeners run once");
        early.sendEvent("e", 3);
        early.sendEvent("ask", ack, 2);
        assertEquals(2, timeouts.get());
        assertFalse(early.sendVolatile("snapshot", 2));
        assertNull(ch.readOutbound());
    }

    @Test
    void theRoundTripIsMeasuredFromPingToPong() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        EngineNamespaceClient c = (EngineNamespaceClient) s.getChildClient(main);
        assertEquals(-1, c.roundTrip().lastMillis(), "no pong yet");
        receive(s, "3");
        assertEquals(-1, s.roundTrip().lastMillis(), "a pong without a ping measures nothing");
        advance(300);
        assertEquals("2", nextText());
        receive(s, "3");
        double ms = c.roundTrip().lastMillis();
        assertTrue(ms >= 0 && ms < 10_000, "measured: " + ms);
        assertSame(s.roundTrip(), c.roundTrip());
    }

    @Test
    void backpressureFindsTheSocketBySessionAndNamespace() throws Exception {
        EngineSession s = webSocket();
        assertFalse(Backpressure.sendVolatile(engine, s.getSessionId(), "/", "snap", 1), "not joined yet");
        receive(s, "40");
        nextText();
        assertTrue(Backpressure.sendVolatile(engine, s.getSessionId(), "/", "snap", 1));
        assertEquals("42[\"snap\",1]", nextText());
        assertTrue(Backpressure.sendVolatile(engine, s.getSessionId(), "", "snap", 2), "\"\" is the main namespace too");
        assertEquals("42[\"snap\",2]", nextText());
        assertFalse(Backpressure.sendVolatile(engine, s.getSessionId(), "/admin", "snap", 3), "not joined there");
        assertFalse(Backpressure.sendVolatile(engine, java.util.UUID.randomUUID(), "/", "snap", 4), "no such session");
        assertSame(s.getChildClient(main), engine.socket(s.getSessionId(), "/"));
        receive(s, "1");
        assertFalse(Backpressure.sendVolatile(engine, s.getSessionId(), "/", "snap", 5), "closed");
    }

    @Test
    void theEngineFindsClosesAndNamesSessions() throws Exception {
        assertNull(engine.find(null));
        assertNull(engine.find("nope"));
        EngineSession a = webSocket();
        EngineSession b = polling();
        assertEquals(2, engine.size());
        engine.closeAll(CloseReason.SERVER_SHUTDOWN, 1000);
        ch.runPendingTasks();
        assertTrue(a.isClosed() && b.isClosed());
        assertEquals(0, engine.size());
        assertNotEquals(engine.newSocketId(), engine.newSocketId());
        assertTrue(engine.newSocketId().matches("[A-Za-z0-9_-]{20}"));
        config.setAuthorizationListener(data -> { throw new IllegalStateException("boom"); });
        assertNull(engine.authorize(null), "a failing listener refuses");
        config.setAuthorizationListener(data -> AuthorizationResult.FAILED_AUTHORIZATION);
        assertNull(engine.authorize(null));
        config.setAuthorizationListener(data -> AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        assertSame(AuthorizationResult.SUCCESSFUL_AUTHORIZATION, engine.authorize(null));
        config.setAuthorizationListener(data -> null);
        assertNull(engine.authorize(null));
    }

    @Test
    void storeParamsOfTheAuthorizationAreCopiedToTheSession() {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, Transport.WEBSOCKET, Map.of(),
                new AuthorizationResult(true, Map.of("player", "p1")));
        assertEquals("p1", s.getStore().get("player"));
    }

    @Test
    void packetsFromAnOldWebSocketAreIgnored() throws Exception {
        EngineSession s = webSocket();
        receive(s, "40");
        nextText();
        EmbeddedChannel stale = channel();
        stale.attr(EngineSession.WEBSOCKET).set(Boolean.TRUE);
        s.receive(stale, List.of(EngineIoCodec.decodeText("2")));
        ch.runPendingTasks();
        assertFalse(s.isClosed(), "a ping on a WebSocket that is not the session's is not its violation");
        s.receive(ch, List.of(EngineIoCodec.decodeText("1"), EngineIoCodec.decodeText("2")));
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertEquals(0, violations.get(), "nothing is handled after the close");
        s.violation(new ProtocolViolation("late"));
        ch.runPendingTasks();
        assertEquals(1, violations.get(), "counted even when the session has ended");
    }

}
