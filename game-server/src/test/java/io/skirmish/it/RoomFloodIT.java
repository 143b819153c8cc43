package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.net.NetLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 4: one connection creating rooms as fast as it could kept hundreds of empty
 * rooms alive (each lives 30 s after its last player left). Live rooms created are capped per
 * connection and per address.
 */
class RoomFloodIT {
    static final int PER_ADDRESS = 7;

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withNet(c.net().withLimits(
            NetLimits.defaults().withRooms(3, PER_ADDRESS))));

    static String code(JsonObject ack) {
        return ack.get("ok").getAsBoolean() ? "ok" : ack.getAsJsonObject("error").get("code").getAsString();
    }

    double hits(String limit) throws Exception {
        return PromMetrics.scrape(server.port).sum("skirmish_limit_hits_total", "limit=\"" + limit + "\"");
    }

    @Test
    void oneConnectionFloodingRoomsIsStoppedThenManyConnectionsFromOneAddress() throws Exception {
        double perConnBefore = hits("rooms_per_connection");
        double perAddrBefore = hits("rooms_per_address");
        TestClient flooder = server.client();
        int created = 0;
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            String c = code(flooder.call("room:create", "{\"name\":\"F" + i + "\"}"));
            if (c.equals("ok")) created++;
            else if (c.equals("RATE_LIMITED")) refused++;
        }
        assertEquals(3, created, "three live rooms per connection by default");
        assertEquals(47, refused);
        assertEquals(perConnBefore + 47, hits("rooms_per_connection"));

        // More connections from the same address: together they stop at the per-address cap.
        int more = 0;
        for (int k = 0; k < 4; k++) {
            TestClient c = server.client();
            for (int i = 0; i < 3; i++) {
                if (code(c.call("room:create", "{\"name\":\"G" + k + i + "\"}")).equals("ok")) more++;
            }
        }
        assertEquals(PER_ADDRESS - 3, more, "the address's cap holds across connections");
        assertEquals(perAddrBefore + 12 - (PER_ADDRESS - 3), hits("rooms_per_address"));
        assertTrue(PromMetrics.scrape(server.port).sum("skirmish_rooms") <= PER_ADDRESS, "no more rooms than the caps");

        // Healthy: public rooms still work for everyone.
        TestClient player = server.client();
        assertEquals("ok", code(player.call("room:quickplay", "{\"name\":\"P\"}")));
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }
}
