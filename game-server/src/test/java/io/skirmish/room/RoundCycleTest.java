package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.skirmish.game.Phase;
import io.skirmish.loop.ManualTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A room's round cycle tick by tick, with the defaults at 30 Hz: countdown 3 s (90 ticks), scoreboard
 * 8 s (240 ticks); rounds of 10 s (300 ticks) here.
 */
class RoundCycleTest {
    private static final int ROUND_SECONDS = 10;
    private final ManualTicker ticker = new ManualTicker();
    private final RoomConfig cfg = RoomConfig.defaults();
    private final List<String> calls = new ArrayList<>();
    private final RoundCycle.Hooks hooks = new RoundCycle.Hooks() {
        @Override
        public void roundStarted(int round, long endsAtMillis) {
            calls.add("started " + round + " ends " + (endsAtMillis - ticker.wallMillis()));
        }

        @Override
        public void roundTimeUp(int round) {
            calls.add("time up " + round);
        }

        @Override
        public void backInLobby() {
            calls.add("lobby");
        }

        @Override
        public void changed() {
            calls.add("changed");
        }
    };

    /** Runs {@code advance} on each tick of {@code [from, to)}. */
    private static void run(RoundCycle c, long from, long to) {
        for (long t = from; t < to; t++) {
            c.advance(t, ROUND_SECONDS);
        }
    }

    @Test
    void aPublicRoomPlaysAtOnceAndGoesFromTheScoreboardToTheNextRound() {
        RoundCycle c = new RoundCycle(cfg, ticker, false, hooks);
        c.begin(100, ROUND_SECONDS);
        assertEquals(Phase.PLAYING, c.phase());
        assertEquals(1, c.round());
        assertEquals(ticker.wallMillis() + 10_000, c.phaseEndsAtMillis());
        assertEquals(List.of("changed", "started 1 ends 10000"), calls);
        calls.clear();

        run(c, 100, 400);
        assertEquals(List.of(), calls, "the round lasts its 300 ticks");
        c.advance(400, ROUND_SECONDS);
        assertEquals(List.of("time up 1"), calls, "the room asks the game for results; the phase waits for it");
        assertEquals(Phase.PLAYING, c.phase());
        calls.clear();

        c.roundOver(401);
        assertEquals(Phase.ROUNDOVER, c.phase());
        assertEquals(ticker.wallMillis() + 8_000, c.phaseEndsAtMillis());
        run(c, 401, 641);
        assertEquals(Phase.ROUNDOVER, c.phase(), "the scoreboard shows its 240 ticks");
        c.advance(641, ROUND_SECONDS);
        assertEquals(Phase.PLAYING, c.phase());
        assertEquals(2, c.round());
        assertEquals(List.of("changed", "changed", "started 2 ends 10000"), calls);
    }

    @Test
    void aPrivateRoomWaitsInItsLobbyCountsDownAndReturnsToTheLobby() {
        RoundCycle c = new RoundCycle(cfg, ticker, true, hooks);
        c.begin(0, ROUND_SECONDS);
        assertEquals(Phase.LOBBY, c.phase());
        assertEquals(0, c.round());
        assertEquals(0, c.phaseEndsAtMillis(), "a lobby has no end");
        run(c, 0, 10_000);
        assertEquals(Phase.LOBBY, c.phase());
        assertEquals(List.of("changed"), calls);

        ticker.advanceMillis(5_000);
        c.countdown(10_000);
        assertEquals(Phase.COUNTDOWN, c.phase());
        assertEquals(ticker.wallMillis() + 3_000, c.phaseEndsAtMillis());
        run(c, 10_000, 10_090);
        assertEquals(Phase.COUNTDOWN, c.phase(), "90 ticks of countdown");
        c.advance(10_090, ROUND_SECONDS);
        assertEquals(Phase.PLAYING, c.phase());
        assertEquals(1, c.round());

        c.roundOver(10_200);
        calls.clear();
        run(c, 10_200, 10_440);
        c.advance(10_440, ROUND_SECONDS);
        assertEquals(Phase.LOBBY, c.phase(), "back to the lobby, not another round");
        assertEquals(List.of("lobby", "changed"), calls);
        assertEquals(0, c.phaseEndsAtMillis());
        assertEquals(1, c.round());
    }

    @Test
    void theCycleMovesToAnotherServerWithItsTicksLeft() {
        RoundCycle c = new RoundCycle(cfg, ticker, false, hooks);
        c.begin(100, ROUND_SECONDS);
        run(c, 100, 150);
        JsonObject saved = c.save(150);
        assertEquals("PLAYING", saved.get("phase").getAsString());
        assertEquals(1, saved.get("round").getAsInt());
        assertEquals(250, saved.get("ticksLeft").getAsLong());

        RoundCycle moved = new RoundCycle(cfg, ticker, false, hooks);
        moved.restore(saved, 7_000);
        assertEquals(Phase.PLAYING, moved.phase());
        assertEquals(1, moved.round());
        calls.clear();
        run(moved, 7_000, 7_250);
        assertEquals(List.of(), calls);
        moved.advance(7_250, ROUND_SECONDS);
        assertEquals(List.of("time up 1"), calls, "ends when it would have ended there");

        RoundCycle lobby = new RoundCycle(cfg, ticker, true, hooks);
        lobby.begin(0, ROUND_SECONDS);
        assertEquals(-1, lobby.save(55).get("ticksLeft").getAsLong());
        RoundCycle lobbyMoved = new RoundCycle(cfg, ticker, true, hooks);
        lobbyMoved.restore(lobby.save(55), 9);
        assertEquals(Phase.LOBBY, lobbyMoved.phase());
        assertEquals(0, lobbyMoved.phaseEndsAtMillis());
    }

    @Test
    void aPhaseWithoutAnEndCannotBeAdvancedPastIt() {
        RoundCycle c = new RoundCycle(cfg, ticker, true, hooks);
        JsonObject o = new JsonObject();
        o.addProperty("phase", "LOBBY");
        o.addProperty("round", 0);
        o.addProperty("ticksLeft", 5);
        c.restore(o, 0); // a lobby with an end: only a corrupt image makes one
        assertThrows(IllegalStateException.class, () -> c.advance(5, ROUND_SECONDS));
    }

    @Test
    void aShortPhaseLastsAtLeastOneTick() {
        RoomConfig fast = cfg.withTickRate(10, 10);
        assertEquals(1, fast.ticks(Duration.ofMillis(20)));
        assertEquals(30, fast.ticks(Duration.ofSeconds(3)));
    }
}
