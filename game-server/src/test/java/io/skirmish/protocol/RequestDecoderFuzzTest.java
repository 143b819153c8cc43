package io.skirmish.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of request and field validation: any event name this server handles with
 * any JSON value as its argument (as the transport hands it over: maps, lists, strings, numbers,
 * booleans, null). The decoder returns a request or throws {@link ProtocolException} (answered with
 * an error code); any other exception fails.
 */
class RequestDecoderFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = new ArrayList<>(Events.REQUESTS);

    static {
        EVENTS.add(Events.INPUT);
        EVENTS.sort(null);
    }

    @FuzzTest(maxDuration = "10s")
    void anyEventAnyValue(FuzzedDataProvider data) {
        String event = EVENTS.get(data.consumeInt(0, EVENTS.size() - 1));
        Object value;
        try {
            value = JSON.readValue(data.consumeRemainingAsString(), Object.class);
        } catch (JsonProcessingException notJson) {
            return; // the transport never hands over what is not JSON
        }
        try {
            RequestDecoder.decode(event, value);
        } catch (ProtocolException expected) {
            // refused with a code
        }
    }
}
