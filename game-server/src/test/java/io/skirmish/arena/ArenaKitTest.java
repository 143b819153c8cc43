package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.room.RoomConfig;
import io.skirmish.testkit.Determinism;
import io.skirmish.testkit.GameKit;
import io.skirmish.testkit.TestPlayer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arena in real rooms on the kit's manual clock. */
class ArenaKitTest {
    private final GameKit kit = GameKit.of(ArenaGame.TYPE);

    private static Map<String, Object> input(double mx, double my, double aim, boolean fire) {
        return Map.of("moveX", mx, "moveY", my, "aim", aim, "fire", fire);
    }

    @Test
    void aShipMovesOneStepPerInputAndTheRoomReportsTheAppliedSeq() {
        TestPlayer a = kit.quickplay("a");
        a.hold(input(1, 0, 0, false), 10);
        kit.ticks(2);
        JsonObject me = a.self();
        assertEquals(10, me.get("seq").getAsInt());
        assertTrue(me.get("vx").getAsDouble() > 0, "moving right: " + me);
        a.assertRoomFacts();
        assertEquals("arena", a.game().get("id").getAsString());
    }

    @Test
    void aRoundEndsWithTheArenasScoreboardInTheRoomsRoundEnd() {
        GameKit quick = GameKit.of(RoomConfig.defaults().withRoundLength(Duration.ofSeconds(2)), ArenaGame.TYPE);
        TestPlayer a = quick.quickplay("a"), b = quick.quickplay("b");
        assertEquals(1, a.assertEvent("round:start").get("round").getAsInt());
        quick.seconds(2.1);
        JsonObject end = b.assertEvent("round:end");
        assertEquals(1, end.get("round").getAsInt());
        assertTrue(end.get("winner").isJsonNull(), "nobody scored");
        assertEquals(2, end.getAsJsonArray("scoreboard").size());
        a.assertPhase("roundover");
    }

    @Test
    void sameSeedAndInputsGiveTheSameArenaAndASavedArenaRestores() {
        Determinism.check(ArenaGame.TYPE, "pillars", 4, 600, (player, tick) ->
                input(Math.cos(player + tick * 0.05), Math.sin(player * 2 + tick * 0.03), tick * 0.1, tick % 7 == 0));
    }
}
