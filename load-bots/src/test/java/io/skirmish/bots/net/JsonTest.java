package io.skirmish.bots.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.bots.behaviour.Intent;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void inputIsTheProtocolsObjectWithRoundedNumbers() {
        JsonObject o = JsonParser.parseString(Json.input(17, new Intent(0.123456, -1, 3.14159, true))).getAsJsonObject();
        assertEquals(17, o.get("seq").getAsInt());
        assertEquals(0.123, o.get("moveX").getAsDouble());
        assertEquals(-1, o.get("moveY").getAsDouble());
        assertEquals(3.142, o.get("aim").getAsDouble());
        assertTrue(o.get("fire").getAsBoolean());
    }

    @Test
    void objectsLeaveNullsOut() {
        JSONObject o = Json.object("code", "H7KQP", "password", null);
        assertTrue(o.has("code"));
        assertFalse(o.has("password"));
    }
}
