package io.skirmish.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each request event decodes to its request with every field, and its bounds hold exactly at the edges. */
class RequestEventsTest {
    private static final String TOKEN = "abcdefghij-_0123"; // 16 characters

    private static Request decode(String event, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return RequestDecoder.decode(event, m);
    }

    private static void bad(String event, Object... kv) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(event, kv));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void timeSyncCarriesTheClientsTimeOrZero() {
        assertEquals(new Request.TimeSync(123.5), decode(Events.TIME_SYNC, "t", 123.5));
        assertEquals(new Request.TimeSync(0), decode(Events.TIME_SYNC));
        bad(Events.TIME_SYNC, "t", "now");
    }

    @Test
    void quickPlayNamesAGameOrTheDefault() {
        assertEquals(new Request.QuickPlay("ann", "tag"), decode(Events.ROOM_QUICKPLAY, "name", "ann", "game", "tag"));
        assertEquals(new Request.QuickPlay("ann", null), decode(Events.ROOM_QUICKPLAY, "name", "ann"));
        bad(Events.ROOM_QUICKPLAY, "name", "ann", "game", "g".repeat(33));
    }

    @Test
    void createCarriesEveryNewSetting() {
        Request.Create c = (Request.Create) decode(Events.ROOM_CREATE, "name", "host", "settings",
                Map.of("maxPlayers", 2, "roundSeconds", 1800, "map", "pillars", "spectators", false,
                        "password", "p".repeat(RequestDecoder.MAX_PASSWORD), "game", "arena"));
        assertEquals("host", c.name());
        assertEquals(new Request.SettingsPatch(2, 1800, "pillars", false, "p".repeat(64), "arena"), c.settings());
        assertEquals(Request.SettingsPatch.NONE, ((Request.Create) decode(Events.ROOM_CREATE, "name", "h")).settings());
        assertEquals(new Request.SettingsPatch(16, 30, null, true, null, null),
                ((Request.Create) decode(Events.ROOM_CREATE, "name", "h", "settings",
                        Map.of("maxPlayers", 16, "roundSeconds", 30, "spectators", true))).settings());
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("maxPlayers", 1));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("maxPlayers", 17));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("roundSeconds", 29));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("roundSeconds", 1801));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("password", "p".repeat(65)));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("map", "m".repeat(33)));
        bad(Events.ROOM_CREATE, "name", "h", "settings", Map.of("spectators", "yes"));
        bad(Events.ROOM_CREATE, "name", "h", "settings", "all");
    }

    @Test
    void settingsArePatchedFieldByField() {
        assertEquals(new Request.Settings(new Request.SettingsPatch(null, 60, null, null, "", null)),
                decode(Events.ROOM_SETTINGS, "roundSeconds", 60, "password", ""));
        assertEquals(new Request.Settings(Request.SettingsPatch.NONE), decode(Events.ROOM_SETTINGS));
    }

    @Test
    void joinAndSpectateTakeACodeANameAndAPassword() {
        assertEquals(new Request.Join("ABC23", "bob", "pw"),
                decode(Events.ROOM_JOIN, "code", " abc23 ", "name", "bob", "password", "pw"));
        assertEquals(new Request.Join("XYZ98", "bob", null), decode(Events.ROOM_JOIN, "code", "XYZ98", "name", "bob"));
        assertEquals(new Request.Spectate("ABC23", "eve", "pw"),
                decode(Events.ROOM_SPECTATE, "code", "ABC23", "name", "eve", "password", "pw"));
        assertEquals(new Request.Spectate("ABC23", "eve", null), decode(Events.ROOM_SPECTATE, "code", "ABC23", "name", "eve"));
        bad(Events.ROOM_JOIN, "code", "ABC23", "name", "bob", "password", "p".repeat(65));
        bad(Events.ROOM_SPECTATE, "code", "ABCD", "name", "eve");
        bad(Events.ROOM_SPECTATE, "code", "ABC23", "name", "");
        bad(Events.ROOM_JOIN, "code", "ABCDEFGHIJKLMNOPQ", "name", "bob");
        bad(Events.ROOM_JOIN, "code", "ABCI1", "name", "bob");
        bad(Events.ROOM_JOIN, "name", "bob");
    }

    @Test
    void rejoinTakesAWellFormedSeatToken() {
        assertEquals(new Request.Rejoin(TOKEN), decode(Events.ROOM_REJOIN, "seatToken", TOKEN));
        String longest = "A".repeat(64);
        assertEquals(new Request.Rejoin(longest), decode(Events.ROOM_REJOIN, "seatToken", longest));
        bad(Events.ROOM_REJOIN, "seatToken", TOKEN.substring(1));
        bad(Events.ROOM_REJOIN, "seatToken", longest + "A");
        bad(Events.ROOM_REJOIN, "seatToken", TOKEN.replace('a', '+'));
        bad(Events.ROOM_REJOIN);
    }

    @Test
    void commandsWithoutFieldsOrWithOne() {
        assertInstanceOf(Request.Leave.class, decode(Events.ROOM_LEAVE));
        assertInstanceOf(Request.Start.class, decode(Events.ROOM_START));
        assertEquals(new Request.Ready(true), decode(Events.ROOM_READY, "ready", true));
        assertEquals(new Request.Ready(false), decode(Events.ROOM_READY, "ready", false));
        bad(Events.ROOM_READY);
        assertEquals(new Request.Lock(true), decode(Events.ROOM_LOCK, "locked", true));
        assertEquals(new Request.Lock(false), decode(Events.ROOM_LOCK, "locked", false));
        bad(Events.ROOM_LOCK, "locked", 1);
        assertEquals(new Request.Kick(1), decode(Events.ROOM_KICK, "playerId", 1));
        assertEquals(new Request.Kick(Integer.MAX_VALUE), decode(Events.ROOM_KICK, "playerId", Integer.MAX_VALUE));
        bad(Events.ROOM_KICK, "playerId", 0);
        bad(Events.ROOM_KICK, "playerId", 1L << 31);
        assertEquals(new Request.TransferHost(3), decode(Events.ROOM_TRANSFER_HOST, "playerId", 3));
        bad(Events.ROOM_TRANSFER_HOST, "playerId", 0);
    }

    @Test
    void anInputKeepsItsSeqAndLeavesTheRestToTheGame() {
        Request.Input in = (Request.Input) decode(Events.INPUT, "seq", 0, "anything", "x");
        assertEquals(0, in.seq());
        assertEquals("x", in.fields().string("anything", 1));
        assertEquals(Integer.MAX_VALUE, ((Request.Input) decode(Events.INPUT, "seq", Integer.MAX_VALUE)).seq());
        bad(Events.INPUT, "seq", -1);
        bad(Events.INPUT);
    }

    @Test
    void anUnknownEventIsABadRequest() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode("room:explode"));
        assertEquals("unknown event", e.getMessage());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }
}
