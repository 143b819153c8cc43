package io.skirmish.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skirmish.game.GameCatalog;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.room.RoomConfig;
import io.skirmish.testkit.Determinism;
import io.skirmish.testkit.GameKit;
import io.skirmish.testkit.TestPlayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tag's rules, played through real rooms on the kit's manual clock. */
class TagGameTest {
    private final GameKit kit = GameKit.of(TagGame.TYPE);
    private final int rate = kit.config().tickRate();

    private static Map<String, Object> move(double x, double y) {
        return Map.of("moveX", x, "moveY", y);
    }

    private static int it(TestPlayer p) {
        return p.snapshot().get("it").isJsonNull() ? 0 : p.snapshot().get("it").getAsInt();
    }

    /** Runs {@code chaser} toward {@code target} (standing still) until "it" changes hands, at most 20 s. */
    private void chase(TestPlayer chaser, TestPlayer target) {
        for (int t = 0; t < 20 * rate && it(chaser) == chaser.id(); t++) {
            JsonObject me = chaser.self(), other = chaser.player(target.id());
            double dx = other.get("x").getAsDouble() - me.get("x").getAsDouble();
            double dy = other.get("y").getAsDouble() - me.get("y").getAsDouble();
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            chaser.input(move(dx / len, dy / len));
            target.input(move(0, 0));
            kit.tick();
        }
    }

    /** Two players in a fresh public room, with "it" decided; returns {it, other}. */
    private TestPlayer[] twoPlayers() {
        TestPlayer a = kit.quickplay("a"), b = kit.quickplay("b");
        kit.ticks(2);
        return it(a) == a.id() ? new TestPlayer[] {a, b} : new TestPlayer[] {b, a};
    }

    @Test
    void aLonePlayerIsNotItAndTheSnapshotCarriesTheRoomFactsAndTheGamesFields() {
        TestPlayer a = kit.quickplay("a");
        kit.ticks(2);
        assertEquals(0, it(a));
        a.assertRoomFacts();
        JsonObject me = a.self();
        assertTrue(me.has("x") && me.has("y") && me.has("t"));
        JsonObject game = a.game();
        assertEquals("tag", game.get("id").getAsString());
        assertEquals("yard", game.getAsJsonObject("map").get("id").getAsString());
        assertEquals(TagGame.SPEED, game.get("speed").getAsDouble());
    }

    @Test
    void withTwoPlayersOneIsItAndOnlyItsTimeRuns() {
        TestPlayer[] p = twoPlayers();
        kit.seconds(2);
        assertEquals(p[0].id(), it(p[1]), "both see the same it");
        assertTrue(p[0].self().get("t").getAsDouble() >= 1.9, "its time runs: " + p[0].self());
        assertEquals(0, p[0].player(p[1].id()).get("t").getAsDouble());
    }

    @Test
    void eachInputIsOneStepAtTheRunningSpeedAndWallsStopYou() {
        TestPlayer runner = kit.quickplay("alone");
        kit.ticks(2);
        double x0 = runner.self().get("x").getAsDouble();
        // The spawn is random: step away from the nearer wall (every map is at least 640 wide), so the
        // two steps are never cut short by a wall.
        double dir = x0 < 320 ? 1 : -1;
        runner.input(move(dir, 0));
        runner.input(move(dir, 0));
        kit.ticks(4);
        assertEquals(x0 + dir * 2 * TagGame.SPEED / rate, runner.self().get("x").getAsDouble(), 0.01);
        runner.hold(move(-1, 0), 6 * rate);
        assertEquals(TagGame.RADIUS, runner.self().get("x").getAsDouble(), 0.01, "stopped by the wall");
    }

    @Test
    void touchingPassesItOnWithATaggedEventAndNoTagBackForASecond() {
        TestPlayer[] p = twoPlayers();
        TestPlayer first = p[0], second = p[1];
        chase(first, second);
        assertEquals(second.id(), it(first));
        JsonObject e = first.assertEvent("tagged");
        assertEquals(second.id(), e.get("it").getAsInt());
        assertEquals(first.id(), e.get("by").getAsInt());
        // Standing together, the new it cannot tag straight back...
        for (int t = 0; t < rate - 2; t++) {
            first.input(move(0, 0));
            second.input(move(0, 0));
            kit.tick();
        }
        assertEquals(second.id(), it(first), "no tag-back within a second");
        chase(second, first);
        assertEquals(first.id(), it(first), "...but after it, it can");
        assertEquals(2, first.events("tagged").size());
    }

    @Test
    void nobodySpawnsWithinReachOfAnotherSoNoTagHappensBeforeAnyoneMoves() {
        // Seeded kits, so that this test plays the same spawns every run (random spawns once put two
        // players on top of each other: an instant tag before the game began).
        for (long seed = 1; seed <= 25; seed++) {
            GameKit seeded = GameKit.of(RoomConfig.defaults(), GameCatalog.of(TagGame.TYPE), seed);
            List<TestPlayer> players = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) players.add(seeded.quickplay("p" + i));
            seeded.ticks(rate);
            JsonArray all = players.get(0).snapshot().getAsJsonArray("players");
            assertEquals(8, all.size(), "one room of 8");
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    JsonObject a = all.get(i).getAsJsonObject(), b = all.get(j).getAsJsonObject();
                    double d = Math.hypot(a.get("x").getAsDouble() - b.get("x").getAsDouble(),
                            a.get("y").getAsDouble() - b.get("y").getAsDouble());
                    assertTrue(d >= TagGame.SPAWN_CLEARANCE, "seed " + seed + ": players " + a + " and " + b + " " + d + " apart");
                }
            }
            assertEquals(List.of(), players.get(0).events("tagged"), "seed " + seed + ": no tag while everyone stands still");
        }
    }

    @Test
    void whenItLeavesAnotherPlayerBecomesIt() {
        TestPlayer[] p = twoPlayers();
        TestPlayer third = kit.quickplay("c");
        p[0].leave();
        kit.ticks(2);
        int now = it(third);
        assertTrue(now == p[1].id() || now == third.id(), "it is one of those left: " + now);
    }

    @Test
    void theRoundEndsWithTheLeastTimeAsItWinningAndAScoreboard() {
        TestPlayer host = kit.create("host", Map.of("game", "tag", "map", "court", "roundSeconds", 30));
        TestPlayer guest = kit.join(host.code(), "guest");
        assertEquals("court", host.ack().getAsJsonObject("room").getAsJsonObject("settings").get("map").getAsString());
        host.start();
        kit.seconds(3 + 30 + 0.2);
        JsonObject end = host.assertEvent("round:end");
        assertEquals(1, end.get("round").getAsInt());
        JsonArray board = end.getAsJsonArray("scoreboard");
        double first = board.get(0).getAsJsonObject().get("itSeconds").getAsDouble();
        double second = board.get(1).getAsJsonObject().get("itSeconds").getAsDouble();
        assertTrue(first <= second, "best first: " + board);
        assertEquals(board.get(0).getAsJsonObject().get("id").getAsInt(), end.get("winner").getAsInt());
        assertEquals(30, first + second, 0.2, "someone was it all the time");
        guest.assertPhase("roundover");
    }

    @Test
    void whoeverIsItForTooLongEndsTheRoundAtOnce() {
        TestPlayer host = kit.create("host", Map.of("game", "tag", "roundSeconds", 120));
        TestPlayer guest = kit.join(host.code(), "guest");
        host.start();
        kit.seconds(3 + 1);
        int loser = it(host);
        kit.seconds(TagGame.MAX_IT_SECONDS); // nobody moves: it stays it
        JsonObject end = host.assertEvent("round:end");
        assertNotEquals(loser, end.get("winner").getAsInt());
        assertTrue(end.get("tick").getAsLong() < (3 + 120) * rate, "ended early: " + end);
        assertEquals(List.of(host.id(), guest.id()).contains(loser), true);
    }

    @Test
    void badInputsAreRefusedAndDoNotUseUpASeq() {
        TestPlayer a = kit.quickplay("a");
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> a.input(move(2, 0))).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> a.input(Map.of("moveX", 1))).code());
        a.input(move(1, 0));
        kit.ticks(3);
        assertEquals(1, a.self().get("seq").getAsInt());
    }

    @Test
    void sameSeedAndInputsGiveTheSameGameAndASavedGameRestores() {
        Determinism.check(TagGame.TYPE, "yard", 4, 600, (player, tick) ->
                move(Math.cos(player * 1.3 + tick * 0.05), Math.sin(player * 0.7 + tick * 0.031)));
    }
}
