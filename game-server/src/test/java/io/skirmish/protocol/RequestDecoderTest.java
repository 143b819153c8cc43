package io.skirmish.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.skirmish.arena.PlayerInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
    private static Map<String, Object> input(Object seq, Object mx, Object my, Object aim, Object fire) {
        Map<String, Object> m = new HashMap<>();
        m.put("seq", seq);
        m.put("moveX", mx);
        m.put("moveY", my);
        m.put("aim", aim);
        m.put("fire", fire);
        return m;
    }

    /** The room-owned seq is decoded here; the arena's fields by the arena's schema (as the room does). */
    private static PlayerInput decode(String event, Object payload) {
        Request.Input in = (Request.Input) RequestDecoder.decode(event, payload);
        return PlayerInput.DECODER.decode(in.seq(), in.fields());
    }

    private static void bad(String event, Object payload) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> { Object r = event.equals(Events.INPUT) ? decode(event, payload) : RequestDecoder.decode(event, payload); });
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void aValidInputIsDecodedAndLongVectorsAreNormalised() {
        PlayerInput in = decode(Events.INPUT, input(7, 1, 1, 0.5, true));
        assertEquals(7, in.seq());
        assertEquals(Math.sqrt(0.5), in.moveX(), 1e-12);
        assertEquals(0.5, in.aim(), 1e-12);
        PlayerInput whole = decode(Events.INPUT, input(8.0, 0, -1, 100.0, false));
        assertEquals(8, whole.seq(), "a whole double is an integer");
        assertEquals(Math.IEEEremainder(100.0, 2 * Math.PI), whole.aim(), 1e-12);
    }

    @Test
    void everyBadInputFieldIsRefused() {
        bad(Events.INPUT, input(-1, 0, 0, 0, false));
        bad(Events.INPUT, input(1.5, 0, 0, 0, false));
        bad(Events.INPUT, input("1", 0, 0, 0, false));
        bad(Events.INPUT, input(1L << 40, 0, 0, 0, false));
        bad(Events.INPUT, input(1, 1.01, 0, 0, false));
        bad(Events.INPUT, input(1, Double.NaN, 0, 0, false));
        bad(Events.INPUT, input(1, 0, Double.POSITIVE_INFINITY, 0, false));
        bad(Events.INPUT, input(1, 0, 0, Double.NaN, false));
        bad(Events.INPUT, input(1, 0, 0, 1e300, false));
        bad(Events.INPUT, input(1, 0, 0, 0, "yes"));
        bad(Events.INPUT, input(1, 0, null, 0, false));
        bad(Events.INPUT, List.of(1, 2, 3));
        bad(Events.INPUT, "input");
    }

    @Test
    void namesCodesAndSettingsAreChecked() {
        assertEquals(new Request.QuickPlay("Ada"), RequestDecoder.decode(Events.ROOM_QUICKPLAY, Map.of("name", "  Ada ")));
        bad(Events.ROOM_QUICKPLAY, Map.of("name", ""));
        bad(Events.ROOM_QUICKPLAY, Map.of("name", "x".repeat(17)));
        bad(Events.ROOM_QUICKPLAY, Map.of("name", "a\u0000b"));
        bad(Events.ROOM_QUICKPLAY, Map.of("name", "a\u202eb"));
        bad(Events.ROOM_QUICKPLAY, Map.of("name", "x".repeat(100_000)));
        bad(Events.ROOM_QUICKPLAY, Map.of());
        assertEquals("ABCDE", ((Request.Join) RequestDecoder.decode(Events.ROOM_JOIN,
                Map.of("code", "abcde", "name", "b"))).code());
        bad(Events.ROOM_JOIN, Map.of("code", "ABCD0", "name", "b"));
        bad(Events.ROOM_JOIN, Map.of("code", "ABCDEF", "name", "b"));
        bad(Events.ROOM_CREATE, Map.of("name", "h", "settings", Map.of("maxPlayers", 40)));
        bad(Events.ROOM_CREATE, Map.of("name", "h", "settings", Map.of("roundSeconds", 5)));
        bad(Events.ROOM_REJOIN, Map.of("seatToken", "short"));
        bad("room:destroy", Map.of());
    }
}
