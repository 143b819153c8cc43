package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes on the wire for each packet a session sends. */
class PacketWriterTest {
    private final PacketWriter writer = new PacketWriter(new EngineJson());

    private static Packet message(PacketType sub, String nsp, String name, Object... args) {
        Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        p.setSubType(sub);
        p.setNsp(nsp);
        p.setName(name);
        p.setData(Arrays.asList(args));
        return p;
    }

    @Test
    void engineIoPackets() throws Exception {
        assertEquals("2", writer.encode(new Packet(PacketType.PING, EngineIOVersion.V4)).text());
        assertEquals("6", writer.encode(new Packet(PacketType.NOOP, EngineIOVersion.V4)).text());
        assertEquals("1", writer.encode(new Packet(PacketType.CLOSE, EngineIOVersion.V4)).text());
        Packet pong = new Packet(PacketType.PONG, EngineIOVersion.V4);
        pong.setData("probe");
        assertEquals("3probe", writer.encode(pong).text());
    }

    @Test
    void eventsAcksAndNamespaces() throws Exception {
        assertEquals("42[\"hello\",1,\"2\",{\"3\":[true]}]",
                writer.encode(message(PacketType.EVENT, "", "hello", 1, "2", Map.of("3", List.of(true)))).text());
        assertEquals("42/custom,[\"hello\"]", writer.encode(message(PacketType.EVENT, "/custom", "hello")).text());
        Packet ack = message(PacketType.ACK, "/admin", null, "ok");
        ack.setAckId(456L);
        assertEquals("43/admin,456[\"ok\"]", writer.encode(ack).text());
        assertEquals("42[\"raw\",{\"spliced\":true}]",
                writer.encode(message(PacketType.EVENT, "", "raw", new RawValue("{\"spliced\":true}"))).text());
    }

    /**
     * Events whose arguments are all raw JSON text (snapshots) are written without the JSON library;
     * the text must be the library's, character for character, whatever the event's name holds.
     */
    @Test
    void rawArgumentEventsAreWrittenAsTheJsonLibraryWouldWriteThem() throws Exception {
        EngineJson json = new EngineJson();
        String[] names = {"s", "snapshot", "quote\"d", "back\\slash", "tab\tnew\nline", "nul\u0000ctl\u001f",
            "del\u007f", "é ü 中 😀", "</script>", "\u2028\u2029", ""};
        String[][] argLists = {{"\"AQID\""}, {"{\"a\":1}", "[1,2]", "null"}, {"\"é\""}};
        for (String name : names) {
            for (String[] texts : argLists) {
                for (String nsp : new String[] {"", "/", "/custom"}) {
                    for (Long ackId : new Long[] {null, 7L}) {
                        Object[] raw = Arrays.stream(texts).map(RawValue::new).toArray();
                        Packet p = message(PacketType.EVENT, nsp, name, raw);
                        p.setAckId(ackId);
                        List<Object> values = new java.util.ArrayList<>();
                        values.add(name);
                        values.addAll(Arrays.asList(raw));
                        String expected = "42" + (nsp.isEmpty() || nsp.equals("/") ? "" : nsp + ",")
                                + (ackId == null ? "" : ackId) + json.write(values, new java.util.ArrayList<>());
                        PacketWriter.Encoded e = writer.encode(p);
                        assertEquals(expected, e.text(), "name " + name + ", args " + Arrays.toString(texts));
                        assertTrue(e.attachments().isEmpty());
                    }
                }
            }
        }
        // No name, or no argument list: the library's pass, which writes them as before.
        assertEquals("42[null,\"x\"]", writer.encode(message(PacketType.EVENT, "", null, new RawValue("\"x\""))).text());
        Packet bare = message(PacketType.EVENT, "", "bare");
        bare.setData(null);
        assertEquals("42[\"bare\"]", writer.encode(bare).text());
        assertEquals("42[\"none\"]", writer.encode(message(PacketType.EVENT, "", "none")).text());
        // A raw value that is not a text (a serializable string): the library's pass.
        assertEquals("42[\"ss\",{\"b\":2}]", writer.encode(message(PacketType.EVENT, "", "ss",
                new RawValue(new com.fasterxml.jackson.core.io.SerializedString("{\"b\":2}")))).text());
        // Not all raw: the library's pass, as before.
        assertEquals("42[\"mixed\",{\"a\":1},2]",
                writer.encode(message(PacketType.EVENT, "", "mixed", new RawValue("{\"a\":1}"), 2)).text());
    }

    @Test
    void nullsAreKept() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", null);
        m.put("b", Arrays.asList(null, 1));
        assertEquals("42[\"n\",null,{\"a\":null,\"b\":[null,1]}]",
                writer.encode(message(PacketType.EVENT, "", "n", null, m)).text());
    }

    @Test
    void binaryBecomesPlaceholdersInOrderWithRawAttachments() throws Exception {
        byte[] a = {4, 1, 2};
        byte[] b = {};
        Packet p = message(PacketType.EVENT, "/custom", "files", a, Map.of("b", b));
        PacketWriter.Encoded e = writer.encode(p);
        assertEquals("452-/custom,[\"files\",{\"_placeholder\":true,\"num\":0},{\"b\":{\"_placeholder\":true,\"num\":1}}]",
                e.text());
        assertEquals(2, e.attachments().size());
        assertSame(a, e.attachments().get(0), "the bytes themselves, no 0x04 in front");
        assertArrayEquals(b, e.attachments().get(1));
        assertEquals(PacketType.EVENT, p.getSubType(), "the shared packet is not modified");

        Packet ack = message(PacketType.ACK, "", null, (Object) new byte[] {9});
        ack.setAckId(789L);
        assertEquals("461-789[{\"_placeholder\":true,\"num\":0}]", writer.encode(ack).text());
    }

    @Test
    void connectAnswersAndErrors() throws Exception {
        Packet ok = message(PacketType.CONNECT, "", null);
        ok.setData(Map.of("sid", "abc"));
        assertEquals("40{\"sid\":\"abc\"}", writer.encode(ok).text());
        ok.setNsp("/custom");
        assertEquals("40/custom,{\"sid\":\"abc\"}", writer.encode(ok).text());
        Packet error = message(PacketType.ERROR, "/random", null);
        error.setData(Map.of("message", "Invalid namespace"));
        assertEquals("44/random,{\"message\":\"Invalid namespace\"}", writer.encode(error).text());
        Packet bye = message(PacketType.DISCONNECT, "/custom", null);
        assertEquals("41/custom,", writer.encode(bye).text());
        assertEquals("41", writer.encode(message(PacketType.DISCONNECT, "", null)).text());
    }

    @Test
    void connectErrorsAlwaysCarryAMessage() {
        assertEquals(Map.of("message", "nope"), SocketIoDemux.connectErrorData("nope"));
        assertEquals(Map.of("message", "Not authorized"), SocketIoDemux.connectErrorData(null));
        Object withData = SocketIoDemux.connectErrorData(42);
        assertTrue(withData instanceof Map<?, ?> m && m.get("data").equals(42) && "Not authorized".equals(m.get("message")));
        Map<String, Object> given = Map.of("message", "m", "data", 1);
        assertSame(given, SocketIoDemux.connectErrorData(given));
    }
}
