package io.skirmish.conformance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Events, acks and binary attachments (official suite: "Socket.IO protocol / message"). netty-socketio
 * sent every attachment with an extra leading 0x04 byte, could not carry binary over polling in either
 * direction, dropped {@code null} values, and kept connections open after malformed packets.
 */
@ConformanceBase.SlowHeartbeat // polling tests hold sessions between polls
class SocketIoMessageIT extends ConformanceBase {

    private static final String TWO_PLACEHOLDERS = "{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}";

    @Test
    void aPlainTextEventIsEchoed() {
        Ws w = connected();
        w.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
        assertEquals("42[\"message-back\",1,\"2\",{\"3\":[true]}]", w.text());
    }

    @Test
    void binaryAttachmentsRoundTripExactlyOverWebSocket() {
        Ws w = connected();
        w.send("452-[\"message\"," + TWO_PLACEHOLDERS + "]");
        w.send(new byte[] {1, 2, 3});
        w.send(new byte[] {4, 5, 6});
        assertEquals("452-[\"message-back\"," + TWO_PLACEHOLDERS + "]", w.text());
        w.expectBinary(1, 2, 3); // no 0x04 in front
        w.expectBinary(4, 5, 6);
    }

    @Test
    void anEventWithAnAckIsAcked() {
        Ws w = connected();
        w.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        assertEquals("43456[1,\"2\",{\"3\":[false]}]", w.text());
    }

    @Test
    void binaryAttachmentsWithAnAckAreAckedAsBinary() {
        Ws w = connected();
        w.send("452-789[\"message-with-ack\"," + TWO_PLACEHOLDERS + "]");
        w.send(new byte[] {1, 2, 3});
        w.send(new byte[] {4, 5, 6});
        assertEquals("462-789[" + TWO_PLACEHOLDERS + "]", w.text());
        w.expectBinary(1, 2, 3);
        w.expectBinary(4, 5, 6);
    }

    @Test
    void binaryNestedAnywhereAndEmptyBinaryRoundTrip() {
        Ws w = connected();
        w.send("452-[\"message\",{\"file\":{\"_placeholder\":true,\"num\":1},\"list\":[{\"_placeholder\":true,\"num\":0}]}]");
        w.send(new byte[] {4, 0, (byte) 255});
        w.send(new byte[0]);
        assertEquals("452-[\"message-back\",{\"file\":{\"_placeholder\":true,\"num\":0},"
                + "\"list\":[{\"_placeholder\":true,\"num\":1}]}]", w.text());
        w.expectBinary();
        w.expectBinary(4, 0, 255);
    }

    @Test
    void nullValuesSurvive() {
        Ws w = connected();
        w.send("42[\"message\",null,{\"a\":null,\"b\":[null,1]}]");
        assertEquals("42[\"message-back\",null,{\"a\":null,\"b\":[null,1]}]", w.text());
    }

    @Test
    void anUnknownPacketTypeClosesTheConnection() {
        Ws w = connected();
        w.send("4abc");
        w.awaitClosedWithin(VIOLATION_CLOSE);
    }

    @Test
    void anInvalidPayloadClosesTheConnection() {
        for (String bad : new String[] {"42{}", "42", "42[]", "42[1.5e,]", "42[\"message\"]x", "43", "43{}",
                "42[\"disconnect\"]", "42[\"connect\"]", "42[null]", "41{}", "4"}) {
            Ws w = connected();
            w.send(bad);
            w.awaitClosedWithin(VIOLATION_CLOSE);
        }
    }

    @Test
    void anInvalidAckIdClosesTheConnection() {
        Ws w = connected();
        w.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        w.awaitClosedWithin(VIOLATION_CLOSE);
    }

    @Test
    void malformedAttachmentsCloseTheConnection() {
        Ws text = connected();
        text.send("451-[\"message\",{\"_placeholder\":true,\"num\":0}]");
        text.send("42[\"message\",\"text while an attachment is due\"]");
        text.awaitClosedWithin(VIOLATION_CLOSE);

        Ws stray = connected();
        stray.send(new byte[] {1, 2, 3});
        stray.awaitClosedWithin(VIOLATION_CLOSE);

        Ws range = connected();
        range.send("451-[\"message\",{\"_placeholder\":true,\"num\":1}]");
        range.send(new byte[] {1});
        range.awaitClosedWithin(VIOLATION_CLOSE);

        Ws count = connected();
        count.send("45x-[\"message\"]");
        count.awaitClosedWithin(VIOLATION_CLOSE);
    }

    @Test
    void binaryRoundTripsOverPollingBothWays() {
        String sid = polling.open();
        polling.push(sid, "40");
        assertTrue(polling.receive(sid, 2).get(0).startsWith("40{"));
        // "b" + base64 for each attachment, as Engine.IO v4 polling payloads carry binary
        polling.push(sid, "452-[\"message\"," + TWO_PLACEHOLDERS + "]\u001ebAQID\u001ebBAUG");
        assertEquals(List.of("452-[\"message-back\"," + TWO_PLACEHOLDERS + "]", "bAQID", "bBAUG"),
                polling.receive(sid, 3));
        polling.push(sid, "1");
    }

    @Test
    void anAckOverPollingComesBackInTheNextPoll() {
        String sid = polling.open();
        polling.push(sid, "40\u001e421[\"message-with-ack\",{\"k\":null}]");
        List<String> packets = polling.receive(sid, 3);
        assertTrue(packets.get(0).startsWith("40{"));
        assertEquals("42[\"auth\",{}]", packets.get(1));
        assertEquals("431[{\"k\":null}]", packets.get(2));
        polling.push(sid, "1");
    }

}
