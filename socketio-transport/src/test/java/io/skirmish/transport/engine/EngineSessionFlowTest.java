package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session's traffic on embedded channels with a frozen clock: events and acks both ways, long-polling
 * (polls, posts, overlaps, a dropped poll), and the upgrade from polling to WebSocket.
 */
class EngineSessionFlowTest {
    private static final int UPGRADE_TIMEOUT_MS = 500;
    private static final EngineSettings SETTINGS = new EngineSettings(300, 200, 1000, 1000, UPGRADE_TIMEOUT_MS,
            32, 64, 1 << 20, null);

    private final Configuration config = new Configuration();
    private final Namespace main;
    private final Engine engine;
    private final EmbeddedChannel ch;
    private final List<EmbeddedChannel> others = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();

    EngineSessionFlowTest() {
        config.setJsonSupport(new EngineJson());
        main = new Namespace(Namespace.DEFAULT_NAME, config);
        main.addEventListener("move", Move.class, (client, data, ack) -> {
            heard.add("move " + data.x);
            if (ack.isAckRequested()) ack.sendAckData("moved", data.x);
        });
        main.addEventListener("hello", String.class, (client, data, ack) -> heard.add("hello " + data));
        engine = new Engine(SETTINGS, config, (EngineJson) config.getJsonSupport(), new NoScheduler(),
                name -> name.equals(Namespace.DEFAULT_NAME) ? main : null, () -> 0L);
        ch = new EmbeddedChannel(new EngineEncoder(engine));
        ch.freezeTime();
    }

    /** The payload of the "move" event. */
    public static final class Move {
        public int x;
    }

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
        others.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private EmbeddedChannel channel() {
        EmbeddedChannel c = new EmbeddedChannel(new EngineEncoder(engine));
        others.add(c);
        return c;
    }

    private EngineSession open(Transport transport) {
        HandshakeData data = new HandshakeData(new DefaultHttpHeaders(), Map.of(), new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "/socket.io/?EIO=4", false);
        EngineSession s = engine.open(ch, data, transport, Map.of("EIO", List.of("4")),
                AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        if (transport == Transport.WEBSOCKET) s.attachWebSocket(ch);
        s.start();
        return s;
    }

    private void receive(EngineSession s, EmbeddedChannel from, String text) throws ProtocolViolation {
        s.receive(from, List.of(EngineIoCodec.decodeText(text)));
        ch.runPendingTasks();
        from.runPendingTasks();
    }

    private static String nextText(EmbeddedChannel c) {
        Object o = c.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, o, () -> "expected a text frame, got " + o);
        String t = ((TextWebSocketFrame) o).text();
        ReferenceCountUtil.release(o);
        return t;
    }

    /** Status and body of the next HTTP answer on a polling channel. */
    private static String nextAnswer(EmbeddedChannel poll) {
        poll.runPendingTasks();
        Object o = poll.readOutbound();
        assertInstanceOf(FullHttpResponse.class, o, () -> "expected an HTTP answer, got " + o);
        FullHttpResponse r = (FullHttpResponse) o;
        String s = r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8);
        ReferenceCountUtil.release(o);
        return s;
    }

    private EngineSession joinedWebSocket() throws ProtocolViolation {
        EngineSession s = open(Transport.WEBSOCKET);
        receive(s, ch, "40");
        assertTrue(nextText(ch).startsWith("40{\"sid\":"));
        return s;
    }

    private EngineNamespaceClient client(EngineSession s) {
        return (EngineNamespaceClient) s.getChildClient(main);
    }

    @Test
    void theOpenPacketTellsTheTimersAndTheUpgrades() {
        EngineSession polling = open(Transport.POLLING);
        assertEquals("0{\"sid\":\"" + polling.sid() + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,"
                + "\"pingTimeout\":200,\"maxPayload\":1000}", polling.openPacket());
        EngineSession ws = open(Transport.WEBSOCKET);
        assertTrue(ws.openPacket().contains("\"upgrades\":[]"));
        assertSame(polling, engine.find(polling.sid()));
        assertEquals(2, engine.size());
    }

    @Test
    void eventsReachTheirListenerWithTypedArgumentsAndAcksComeBack() throws Exception {
        EngineSession s = joinedWebSocket();
        receive(s, ch, "42[\"move\",{\"x\":3}]");
        receive(s, ch, "427[\"move\",{\"x\":4}]");
        assertEquals(List.of("move 3", "move 4"), heard);
        assertEquals("437[\"moved\",4]", nextText(ch), "the ack with the client's id");
        assertNull(ch.readOutbound(), "no ack without an id");
        receive(s, ch, "42[\"move\",\"not an object\"]");
        receive(s, ch, "42[\"hello\",\"there\",\"extra\"]");
        assertEquals(List.of("move 3", "move 4", "hello there"), heard, "arguments that do not fit are dropped");
        assertFalse(s.isClosed(), "a wrong argument type is no protocol error");
    }

    @Test
    void theClientsAcksReachTheCallbacks() throws Exception {
        EngineSession s = joinedWebSocket();
        List<Object> got = new ArrayList<>();
        client(s).sendEvent("ask", new AckCallback<>(String.class) {
            @Override
            public void onSuccess(String result) {
                got.add(result);
            }
        }, "q");
        String asked = nextText(ch);
        assertTrue(asked.matches("42\\d+\\[\"ask\",\"q\"]"), asked);
        String id = asked.substring(2, asked.indexOf('['));
        receive(s, ch, "43" + id + "[\"answer\",\"ignored\"]");
        assertEquals(List.of("answer"), got, "a single-type callback takes the first argument");
        receive(s, ch, "43" + id + "[\"again\"]");
        assertEquals(1, got.size(), "an ack is used once");

        client(s).sendEvent("ask2", new MultiTypeAckCallback(String.class, Integer.class) {
            @Override
            public void onSuccess(MultiTypeArgs result) {
                got.add(result.get(0) + "/" + result.get(1));
            }
        }, "q");
        String asked2 = nextText(ch);
        String id2 = asked2.substring(2, asked2.indexOf('['));
        receive(s, ch, "43" + id2 + "[\"a\",7]");
        assertEquals("a/7", got.get(1));
        receive(s, ch, "43999[1]");
        receive(s, ch, "43[1]");
        assertFalse(s.isClosed(), "acks nobody waits for are ignored");
    }

    @Test
    void aPollGetsWhatIsQueuedOrWaitsForIt() throws Exception {
        EngineSession s = open(Transport.POLLING);
        receive(s, ch, "40");
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        String first = nextAnswer(poll);
        assertTrue(first.startsWith("200 40{\"sid\":"), first);
        EmbeddedChannel waiting = channel();
        assertNull(s.onPollRequest(waiting, true));
        waiting.runPendingTasks();
        assertNull(waiting.readOutbound(), "nothing queued: the poll waits");
        client(s).sendEvent("news", 1);
        ch.runPendingTasks();
        assertEquals("200 42[\"news\",1]", nextAnswer(waiting));
        assertEquals(Transport.POLLING, s.getCurrentTransport());
    }

    @Test
    void overlappingPollsAndPostsAreRefusedAndEndTheSession() throws Exception {
        EngineSession s = open(Transport.POLLING);
        receive(s, ch, "40");
        assertNull(s.beginDataRequest());
        s.endDataRequest();
        assertNull(s.beginDataRequest(), "one after the other is fine");
        assertEquals(EngineError.BAD_REQUEST, s.beginDataRequest(), "two at once are not");
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertEquals(EngineError.UNKNOWN_SID, s.beginDataRequest());
        assertEquals(EngineError.UNKNOWN_SID, s.onPollRequest(channel(), true));

        EngineSession t = open(Transport.POLLING);
        EmbeddedChannel first = channel();
        assertNull(t.onPollRequest(first, true));
        first.runPendingTasks();
        assertEquals(EngineError.BAD_REQUEST, t.onPollRequest(channel(), true));
        ch.runPendingTasks();
        assertTrue(t.isClosed());
        assertEquals("200 1", nextAnswer(first), "the waiting poll learns the session closed");
        assertNull(engine.find(t.sid()));
    }

    @Test
    void aPollWhoseConnectionDropsEndsTheSessionAndOtherChannelsDoNot() throws Exception {
        EngineSession s = open(Transport.POLLING);
        s.onChannelClosed(channel()); // not one of its channels
        ch.runPendingTasks();
        assertFalse(s.isClosed());
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        s.onChannelClosed(poll);
        ch.runPendingTasks();
        assertTrue(s.isClosed());
        assertEquals(0, engine.size());

        EngineSession w = joinedWebSocket();
        w.onChannelClosed(ch);
        ch.runPendingTasks();
        assertTrue(w.isClosed(), "its WebSocket closed");
    }

    @Test
    void aWebSocketSessionRefusesPollsAndProbes() throws Exception {
        EngineSession s = joinedWebSocket();
        assertEquals(EngineError.BAD_REQUEST, s.onPollRequest(channel(), true));
        assertEquals(EngineError.BAD_REQUEST, s.beginDataRequest());
        assertFalse(s.acceptProbe(channel()));
        assertTrue(s.isWebSocket(ch));
        assertTrue(s.isChannelOpen());
        assertFalse(s.isClosed());
    }

    @Test
    void theUpgradeProbesThenMovesTheSessionToTheWebSocket() throws Exception {
        EngineSession s = open(Transport.POLLING);
        receive(s, ch, "40");
        EmbeddedChannel poll = channel();
        assertNull(s.onPollRequest(poll, true));
        nextAnswer(poll); // the CONNECT answer
        EmbeddedChannel waiting = channel();
        assertNull(s.onPollRequest(waiting, true));

        EmbeddedChannel probe = channel();
        assertTrue(s.acceptProbe(probe));
        assertFalse(s.acceptProbe(channel()), "one probe at a time");
        receive(s, probe, "2probe");
        assertEquals("3probe", nextText(probe));
        receive(s, probe, "5");
        assertEquals(Transport.WEBSOCKET, s.getCurrentTransport());
        assertTrue(s.isWebSocket(probe));
        assertEquals(400, Integer.parseInt(nextAnswer(waiting).substring(0, 3)), "the waiting poll is answered 400");
        assertEquals(EngineError.BAD_REQUEST, s.onPollRequest(channel(), true), "no polls after the upgrade");
        client(s).sendEvent("news", 2);
        ch.runPendingTasks();
        probe.runPendingTasks();
        assertEquals("42[\"news\",2]", nextText(probe), "sends go to the WebSocket now");
        receive(s, ch, "42[\"hello\",\"from the old transport\"]"); // a polling POST after the upgrade
        receive(s, probe, "42[\"hello\",\"ws\"]");
        assertTrue(heard.contains("hello ws"));
    }

    @Test
    void aBadProbeOrOneThatNeverUpgradesIsClosedAndTheSessionStaysOnPolling() throws Exception {
        EngineSession s = open(Transport.POLLING);
        receive(s, ch, "40");
        EmbeddedChannel bad = channel();
        assertTrue(s.acceptProbe(bad));
        receive(s, bad, "2notprobe");
        assertFalse(bad.isOpen(), "an invalid probe is closed");
        assertFalse(s.isClosed());
        assertEquals(Transport.POLLING, s.getCurrentTransport());

        EmbeddedChannel slow = channel();
        assertTrue(s.acceptProbe(slow), "after a dropped probe another may try");
        receive(s, slow, "2probe");
        assertEquals("3probe", nextText(slow));
        ch.advanceTimeBy(UPGRADE_TIMEOUT_MS - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertTrue(slow.isOpen());
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(slow.isOpen(), "closed at the upgrade timeout");
        assertEquals(Transport.POLLING, s.getCurrentTransport());
        assertFalse(s.isClosed());

        EmbeddedChannel dropped = channel();
        assertTrue(s.acceptProbe(dropped));
        s.onChannelClosed(dropped);
        ch.runPendingTasks();
        assertFalse(s.isClosed(), "a probe that goes away leaves the session");
        assertTrue(s.acceptProbe(channel()));
    }

    @Test
    void aServerDisconnectTellsEveryNamespaceThenCloses() throws Exception {
        EngineSession s = joinedWebSocket();
        s.disconnect();
        ch.runPendingTasks();
        assertEquals("41", nextText(ch));
        Object o;
        while ((o = ch.readOutbound()) instanceof TextWebSocketFrame t) ReferenceCountUtil.release(t);
        assertInstanceOf(CloseWebSocketFrame.class, o);
        ReferenceCountUtil.release(o);
        assertTrue(s.isClosed());
        assertFalse(s.isChannelOpen());
        assertFalse(s.isConnected());
    }

    @Test
    void aServerDisconnectOfTheLastNamespaceClosesTheSession() throws Exception {
        EngineSession s = joinedWebSocket();
        client(s).disconnect();
        ch.runPendingTasks();
        assertEquals("41", nextText(ch));
        assertTrue(s.isClosed());
    }

    /** Ack timeouts are not used here. */
    private static final class NoScheduler implements CancelableScheduler {
        @Override public void update(ChannelHandlerContext ctx) { }
        @Override public void cancel(SchedulerKey key) { }
        @Override public void scheduleCallback(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void schedule(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) { }
        @Override public void shutdown() { }
    }
}
