package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArenaSaveTest {
    private static Map<Integer, List<PlayerInput>> inputs(SplittableRandom rng, int seq) {
        Map<Integer, List<PlayerInput>> in = new HashMap<>();
        for (int id = 1; id <= 5; id++) {
            in.put(id, List.of(new PlayerInput(seq, rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1,
                    rng.nextDouble() * 6.28, rng.nextInt(3) == 0)));
        }
        return in;
    }

    @Test
    void aRestoredArenaStepsOnExactlyLikeTheSavedOne() {
        ArenaState a = new ArenaState(ArenaMap.byId("pillars"), ArenaPhysics.DEFAULT, 30, 7);
        for (int id = 1; id <= 5; id++) ArenaRules.addShip(a, id, "p" + id);
        SplittableRandom rng = new SplittableRandom(99);
        List<ArenaEvent> ev = new ArrayList<>();
        for (int t = 0; t < 400; t++) ArenaRules.step(a, inputs(rng, t), true, ev);
        assertFalse(a.shots().isEmpty() && ev.isEmpty(), "the script fights");

        // Through text, as a recording or another server would carry it.
        String saved = ArenaSave.save(a).toString();
        ArenaState b = new ArenaState(ArenaMap.byId("pillars"), ArenaPhysics.DEFAULT, 30, 12345);
        ArenaSave.restore(b, JsonParser.parseString(saved).getAsJsonObject());
        assertEquals(a.hash(), b.hash());
        for (int t = 400; t < 1200; t++) {
            var in = inputs(rng, t);
            ArenaRules.step(a, in, true, new ArrayList<>());
            ArenaRules.step(b, in, true, new ArrayList<>());
            assertEquals(a.hash(), b.hash(), "tick " + t);
        }
    }
}
