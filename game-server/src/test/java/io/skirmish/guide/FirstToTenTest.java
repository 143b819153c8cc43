package io.skirmish.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.testkit.Determinism;
import io.skirmish.testkit.GameKit;
import io.skirmish.testkit.TestPlayer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's game, tested the way the guide says to: real rooms on the kit's manual clock. */
class FirstToTenTest {
    // [test]
    private final GameKit kit = GameKit.of(FirstToTen.TYPE);

    @Test
    void theFirstToTenPressesWinsAtOnce() {
        TestPlayer ada = kit.quickplay("ada"), bob = kit.quickplay("bob");
        ada.hold(Map.of("press", true), 10); // one input per tick for ten ticks
        bob.hold(Map.of("press", false), 2);
        JsonObject end = bob.assertEvent("round:end");
        assertEquals(ada.id(), end.get("winner").getAsInt());
        assertEquals(10, ada.assertEvent("scored").get("points").getAsInt());
        bob.assertPhase("roundover");
        bob.assertRoomFacts(); // id, seq and c in every player entry
    }

    @Test
    void aBadInputIsRefused() {
        TestPlayer ada = kit.quickplay("ada");
        assertThrows(ProtocolException.class, () -> ada.input(Map.of("press", "yes")));
    }

    @Test
    void itIsDeterministicAndRestoresFromASave() {
        Determinism.check(FirstToTen.TYPE, "plain", 3, 200,
                (player, tick) -> Map.of("press", (tick + player) % 7 == 0));
    }
    // [test]
}
