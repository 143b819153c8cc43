package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Client mistakes are ordinary: at most one short line each, at DEBUG, never with the client's
 * payload and never a stack trace. netty-socketio logged an ERROR for every ordinary polling close
 * and ERRORs with stack traces and payloads for malformed input, a way to flood the log.
 */
@ConformanceBase.SlowHeartbeat
class QuietLogsIT extends ConformanceBase {
    private static final String MARKER = "PAYLOAD-MARKER-7f3a";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger engine = (Logger) LoggerFactory.getLogger("io.skirmish.transport.engine");
    private Level engineLevel;

    @BeforeEach
    void capture() {
        engineLevel = engine.getLevel();
        engine.setLevel(Level.DEBUG); // to count the lines that would be written at DEBUG too
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        engine.setLevel(engineLevel);
    }

    @Test
    void malformedInputAndOrdinaryClosesLogAtMostOneShortDebugLineEach() throws Exception {
        List<String> bad = List.of("4" + MARKER, "42[\"" + MARKER, "42" + MARKER + "[]", "9" + MARKER,
                "44{\"message\":\"" + MARKER + "\"}", "451-[\"" + MARKER + "\",{\"_placeholder\":true,\"num\":7}]");
        for (String b : bad) {
            Ws w = track(Ws.connect(port, "EIO=4&transport=websocket", true, Map.of()));
            w.text();
            w.send("40");
            w.text();
            w.text();
            w.send(b);
            if (b.startsWith("451-")) {
                w.send(MARKER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            w.awaitClosed();
        }
        String sid = polling.open();
        polling.push(sid, MARKER); // not an Engine.IO packet
        String sid2 = polling.open();
        polling.push(sid2, "1"); // an ordinary polling close
        try (RawHttp dropped = new RawHttp(port)) { // a poll whose connection goes away
            String sid3 = polling.open();
            dropped.write("GET", Polling.PATH + "?EIO=4&transport=polling&sid=" + sid3, null);
        }
        polling.get("EIO=9&transport=" + MARKER); // refused handshake
        Ws.refusedStatus(port, "EIO=4&transport=websocket&sid=" + MARKER);
        org.awaitility.Awaitility.await().atMost(2, java.util.concurrent.TimeUnit.SECONDS)
                .until(() -> polling.poll(sid).status() == 400);

        List<ILoggingEvent> events = List.copyOf(appender.list);
        for (ILoggingEvent e : events) {
            assertTrue(e.getLevel().toInt() < Level.WARN.toInt(), "no WARN or ERROR for client mistakes: " + e);
            assertNull(e.getThrowableProxy(), "no stack trace: " + e);
            assertTrue(!e.getFormattedMessage().contains(MARKER), "no payload in the log: " + e.getFormattedMessage());
            assertTrue(e.getFormattedMessage().length() < 200, "short: " + e.getFormattedMessage());
        }
        long closes = events.stream().filter(e -> e.getFormattedMessage().contains(" closed: ")).count();
        assertEquals(bad.size() + 3, closes, "one line per closed session: " + events);
    }
}
