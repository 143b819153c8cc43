package io.skirmish.transport.engine;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON for Socket.IO, replacing netty-socketio's {@code JacksonJsonSupport} (install it with
 * {@code Configuration.setJsonSupport}). Measured differences it fixes: {@code null} values were
 * dropped ({@code NON_NULL}), so {@code {"a":null}} arrived as {@code {}}; incoming binary arrived as
 * {@code byte[]} only for handlers that declared {@code byte[].class}; trailing garbage after a JSON
 * value was accepted. Also keeps the event argument classes that listeners declare, which the
 * packet decoder needs.
 *
 * <p>Outgoing {@code byte[]} values become Socket.IO binary attachments:
 * {@code {"_placeholder":true,"num":n}} in the JSON and the bytes in an attachment.
 */
public final class EngineJson implements JsonSupport {
    private record Key(String namespace, String event) {}

    private static final ThreadLocal<List<byte[]>> ATTACHMENTS = ThreadLocal.withInitial(ArrayList::new);

    private final ObjectMapper mapper;
    private final Map<Key, List<Class<?>>> eventClasses = new ConcurrentHashMap<>();

    public EngineJson() {
        SimpleModule binary = new SimpleModule("socket.io-binary");
        binary.addSerializer(byte[].class, new PlaceholderSerializer());
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(binary)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Serialises {@code value}; its {@code byte[]} values are replaced by placeholders and added to {@code attachments}. */
    String write(Object value, List<byte[]> attachments) throws JsonProcessingException {
        List<byte[]> sink = ATTACHMENTS.get();
        sink.clear();
        try {
            String json = mapper.writeValueAsString(value);
            attachments.addAll(sink);
            return json;
        } finally {
            sink.clear();
        }
    }

    /** Converts one decoded argument to what a listener declared (binary nodes become {@code byte[]}). */
    Object convert(JsonNode node, Class<?> type) throws JsonProcessingException {
        return type == Object.class ? plain(node) : mapper.treeToValue(node, type);
    }

    /**
     * Converts one argument already read as a plain value (see {@link SioPacket#args()}) to what a
     * listener declared: itself for {@code Object}, else what Jackson makes of it for that type.
     */
    Object convertPlain(Object value, Class<?> type) {
        return type == Object.class ? value : mapper.convertValue(value, type);
    }

    /**
     * The tree as the plain values Jackson's untyped deserializer makes of it ({@code LinkedHashMap},
     * {@code ArrayList}, {@code String}, the node's own {@code Number}, {@code Boolean}, {@code null},
     * {@code byte[]}), walked directly: the listener's usual case (every input of every player) then
     * costs no token parser and no deserialization context per argument. {@code EngineJsonTest} pins
     * it to the library's conversion.
     */
    static Object plain(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    m.put(e.getKey(), plain(e.getValue()));
                }
                yield m;
            }
            case ARRAY -> {
                List<Object> l = new ArrayList<>(node.size());
                for (JsonNode c : node) {
                    l.add(plain(c));
                }
                yield l;
            }
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case BINARY -> ((BinaryNode) node).binaryValue();
            case POJO -> ((POJONode) node).getPojo();
            case NULL, MISSING -> null;
        };
    }

    /** The argument classes registered for an event, or null. */
    List<Class<?>> eventClasses(String namespace, String event) {
        return eventClasses.get(new Key(namespace, event));
    }

    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        eventClasses.put(new Key(namespaceName, eventName), List.copyOf(Arrays.asList(eventClass)));
    }

    @Override
    public void removeEventMapping(String namespaceName, String eventName) {
        eventClasses.remove(new Key(namespaceName, eventName));
    }

    @Override
    public AckArgs readAckArgs(ByteBufInputStream src, AckCallback<?> callback) throws IOException {
        JsonNode array = mapper.readTree((java.io.InputStream) src);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Class<?> type = callback instanceof MultiTypeAckCallback m && i < m.getResultClasses().length
                    ? m.getResultClasses()[i] : callback.getResultClass();
            args.add(convert(array.get(i), type));
        }
        return new AckArgs(args);
    }

    @Override
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        return mapper.readValue((java.io.InputStream) src, valueType);
    }

    @Override
    public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
        List<byte[]> sink = ATTACHMENTS.get();
        sink.clear();
        mapper.writeValue((java.io.OutputStream) out, value);
    }

    /** The attachments of the last {@link #writeValue} on this thread. */
    @Override
    public List<byte[]> getArrays() {
        return ATTACHMENTS.get();
    }

    private static final class PlaceholderSerializer extends StdSerializer<byte[]> {
        PlaceholderSerializer() {
            super(byte[].class);
        }

        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<byte[]> sink = ATTACHMENTS.get();
            gen.writeStartObject();
            gen.writeBooleanField("_placeholder", true);
            gen.writeNumberField("num", sink.size());
            gen.writeEndObject();
            sink.add(value);
        }
    }
}
