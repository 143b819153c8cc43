package io.skirmish.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.arena.ArenaGame;
import io.skirmish.game.GameCatalog;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.tag.TagGame;
import io.skirmish.testkit.GameKit;
import io.skirmish.testkit.TestPlayer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Games by id: each selectable, switchable in the lobby, refused when unknown. */
class CatalogTest {
    private final GameKit kit = GameKit.of(ArenaGame.TYPE, TagGame.TYPE);

    private static ErrorCode codeOf(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return ((ProtocolException) c).code();
    }

    @Test
    void eachGameIsSelectableByIdWithItsMaps() {
        for (var type : List.of(ArenaGame.TYPE, TagGame.TYPE)) {
            for (String map : type.maps()) {
                TestPlayer p = kit.create("h", Map.of("game", type.id(), "map", map));
                JsonObject room = p.ack().getAsJsonObject("room");
                assertEquals(type.id(), room.get("game").getAsString());
                assertEquals(type.id(), room.getAsJsonObject("settings").get("game").getAsString());
                assertEquals(map, room.getAsJsonObject("settings").get("map").getAsString());
                assertEquals(type.id(), p.game().get("id").getAsString());
                assertEquals(map, p.game().getAsJsonObject("map").get("id").getAsString());
            }
        }
    }

    @Test
    void quickPlayKeepsEachGameInItsOwnRooms() {
        TestPlayer a = kit.quickplay("a"), t = kit.quickplay("t", "tag"), a2 = kit.quickplay("a2", "arena");
        assertEquals("arena", a.game().get("id").getAsString(), "the default game is the first");
        assertNotSame(a.room(), t.room());
        assertSame(a.room(), a2.room());
        assertEquals("tag", t.room().summary().game());
    }

    @Test
    void unknownGamesAndMapsAreBadRequests() {
        assertEquals(ErrorCode.BAD_REQUEST, codeOf(assertThrows(ProtocolException.class,
                () -> kit.create("h", Map.of("game", "chess")))));
        assertEquals(ErrorCode.BAD_REQUEST, codeOf(assertThrows(ProtocolException.class,
                () -> kit.create("h", Map.of("game", "tag", "map", "pillars")))));
        assertEquals(ErrorCode.BAD_REQUEST, codeOf(assertThrows(ProtocolException.class,
                () -> kit.quickplay("q", "chess"))));
        TestPlayer host = kit.create("h", Map.of());
        assertEquals(ErrorCode.BAD_REQUEST, codeOf(assertThrows(CompletionException.class,
                () -> host.settings(Map.of("game", "chess")))));
    }

    @Test
    void theHostSwitchesTheGameInTheLobbyAndEveryoneIsToldAndKeepsTheirSeat() {
        TestPlayer host = kit.create("h", Map.of("game", "arena", "map", "pillars"));
        TestPlayer guest = kit.join(host.code(), "g");
        JsonObject answer = host.settings(Map.of("game", "tag"));
        JsonObject settings = answer.getAsJsonObject("room").getAsJsonObject("settings");
        assertEquals("tag", settings.get("game").getAsString());
        assertEquals("yard", settings.get("map").getAsString(), "a new game without a map gets its default map");
        JsonObject info = guest.last(Events.GAME_INFO);
        assertEquals("tag", info.get("id").getAsString());
        kit.ticks(2);
        assertEquals(2, guest.snapshot().getAsJsonArray("players").size());
        assertTrue(guest.snapshot().has("it"), "tag's snapshot now");
        guest.input(Map.of("moveX", 1, "moveY", 0));
        kit.ticks(3);
        assertEquals(1, guest.self().get("seq").getAsInt(), "inputs now decoded by tag");
    }

    @Test
    void quickPlayOffersOnlyTheChosenGames() {
        GameCatalog only = GameCatalog.of(ArenaGame.TYPE, TagGame.TYPE).withQuickplay(List.of("tag"));
        assertEquals(List.of("tag"), only.quickplay());
        assertEquals("tag", only.defaultGame().id());
        assertThrows(IllegalArgumentException.class, () -> only.withQuickplay(List.of("chess")));
        JsonObject json = only.toJson();
        assertEquals(2, json.getAsJsonArray("games").size());
        assertEquals("tag", json.getAsJsonArray("games").get(0).getAsJsonObject().get("id").getAsString());
    }
}
