package io.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.util.RawValue;
import org.junit.jupiter.api.Test;

/** A JSON text handed to many sockets is wrapped for the encoder once. */
class JsonTest {
    @Test
    void theWireArgumentsAreMadeOnceAndCarryTheTextItself() {
        String text = "{\"a\":1}";
        Json j = Json.of(text);
        Object[] args = j.wireArgs();
        assertEquals(1, args.length);
        assertSame(text, ((RawValue) args[0]).rawValue(), "the very text: the shared packet is found by it");
        assertSame(args, j.wireArgs(), "one array for every socket");
        assertEquals(text, j.text());
        assertEquals(text, j.toString());
        assertThrows(NullPointerException.class, () -> Json.of(null));
    }
}
