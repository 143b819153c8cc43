package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.arena.ArenaGame;
import io.skirmish.game.Game;
import io.skirmish.game.GameCatalog;
import io.skirmish.game.GameFactory;
import io.skirmish.game.GameType;
import io.skirmish.loop.GameLoop;
import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A room's life on a manual clock, exactly: phase lengths, seat grace, disposal of an empty room, what
 * the room reports to its metrics, a failing game, a shutdown, and the manager's views and gates.
 */
class RoomLifecycleTest {
    /** What the room reported, in order. */
    private final List<String> reported = Collections.synchronizedList(new ArrayList<>());
    /** Calls the games received (method names), in order. */
    private final List<String> gameCalls = Collections.synchronizedList(new ArrayList<>());
    private final ManualTicker ticker = new ManualTicker();
    private final RoomConfig cfg = RoomConfig.defaults().withRoundLength(Duration.ofSeconds(2)).withSeatGrace(Duration.ofSeconds(1))
            .withEmptyRoomGrace(Duration.ofSeconds(1));
    private final GameLoop loop = new GameLoop("test", ticker, cfg.tickRate(), 3, n -> { });
    private final List<Room> scheduled = new ArrayList<>();
    private volatile RuntimeException failNextStep;
    private final RoomManager manager = new RoomManager(cfg, GameCatalog.of(new GameType("arena", "Arena",
            ArenaGame.TYPE.maps(), recording(ArenaGame.factory()))), ticker, new RoomMetrics() {
        @Override public void roomTick(String roomId, long nanos) { reported.add("tick " + roomId); }
        @Override public void snapshotEncoded(int bytes, long nanos) { reported.add("encoded " + bytes); }
        @Override public void snapshotSkipped() { reported.add("skipped"); }
        @Override public void roomLifecycle(String event) { reported.add("lifecycle " + event); }
        @Override public void roomOverloaded() { reported.add("overloaded"); }
        @Override public void inputsDropped(String reason, int count) { reported.add("dropped " + reason + " " + count); }
    }, new RoomManager.Scheduler() {
        @Override
        public void schedule(Room room) {
            scheduled.add(room);
            loop.add(room);
        }

        @Override
        public void unschedule(Room room) {
            scheduled.remove(room);
            loop.remove(room);
        }
    }, new JoinCodes(new SecureRandom()), RoomManager.GuessLimits.defaults());

    private GameFactory recording(GameFactory real) {
        return new GameFactory() {
            @Override
            public Game<?> create(String mapId) {
                Game<?> game = real.create(mapId);
                gameCalls.add("create " + mapId);
                return (Game<?>) Proxy.newProxyInstance(Game.class.getClassLoader(), new Class<?>[] {Game.class},
                        (proxy, m, args) -> {
                            if (!m.getName().equals("step") && !m.getName().equals("writeSnapshot")) {
                                gameCalls.add(m.getName());
                            }
                            if (m.getName().equals("step") && failNextStep != null) {
                                RuntimeException e = failNextStep;
                                failNextStep = null;
                                throw e;
                            }
                            try {
                                return m.invoke(game, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

        };
    }

    private void tick() {
        ticker.advance(1_000_000_000L / cfg.tickRate(), TimeUnit.NANOSECONDS);
        loop.tickOnce();
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) tick();
    }

    private <T> T await(CompletableFuture<T> f) {
        tick();
        return f.join();
    }

    private static JsonObject json(RawJson r) {
        return JsonParser.parseString(r.json()).getAsJsonObject();
    }

    private ErrorCode failure(CompletableFuture<?> f) {
        tick();
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return ((ProtocolException) e.getCause()).code();
    }

    private static ErrorCode thrown(Runnable r) {
        return assertThrows(ProtocolException.class, r::run).code();
    }

    private static String token(JoinResult r) {
        return json(r.ack()).getAsJsonObject("you").get("seatToken").getAsString();
    }

    private static int players(FakeConnection c) {
        return c.last(Events.ROOM_UPDATE).getAsJsonArray("players").size();
    }

    private long count(String prefix) {
        synchronized (reported) {
            return reported.stream().filter(s -> s.startsWith(prefix)).count();
        }
    }

    @Test
    void aDroppedSeatIsKeptForExactlyTheGrace() {
        FakeConnection a = new FakeConnection(), b = new FakeConnection();
        JoinResult ra = await(manager.quickplay(a, "a"));
        await(manager.quickplay(b, "b"));
        ra.membership().disconnected();
        tick(); // the drop is handled in this tick
        int grace = cfg.ticks(cfg.seatGrace());
        assertEquals(30, grace);
        ticks(grace - 1);
        assertEquals(2, players(b), "kept through tick " + (grace - 1));
        assertFalse(b.last(Events.ROOM_UPDATE).getAsJsonArray("players").get(0).getAsJsonObject().get("connected")
                .getAsBoolean(), "shown as disconnected");
        tick();
        assertEquals(1, players(b), "freed at exactly the grace");
        assertEquals(1, ra.membership().room().occupancy());
        assertEquals(ErrorCode.SEAT_EXPIRED, thrown(() -> manager.rejoin(new FakeConnection(), token(ra))));
        assertTrue(gameCalls.contains("onLeave"));
    }

    @Test
    void aRejoinedSeatIsNoLongerCountedDown() {
        FakeConnection a = new FakeConnection(), b = new FakeConnection();
        JoinResult ra = await(manager.quickplay(a, "a"));
        await(manager.quickplay(b, "b"));
        ra.membership().disconnected();
        ticks(20);
        FakeConnection a2 = new FakeConnection();
        JoinResult back = await(manager.rejoin(a2, token(ra)));
        assertTrue(back.membership().active());
        assertFalse(ra.membership().active(), "the old membership is replaced");
        ticks(60);
        assertEquals(2, players(b), "the seat stays: its countdown stopped at the rejoin");
        assertTrue(b.last(Events.ROOM_UPDATE).getAsJsonArray("players").get(0).getAsJsonObject().get("connected")
                .getAsBoolean());
    }

    @Test
    void anEmptyRoomIsDisposedAfterExactlyTheGraceAndTellsWhoWaits() {
        FakeConnection a = new FakeConnection();
        JoinResult r = await(manager.create(a, "a", Request.SettingsPatch.NONE));
        Room room = r.membership().room();
        String code = room.code();
        assertNotNull(code);
        await(r.membership().leave());
        int grace = cfg.ticks(cfg.emptyRoomGrace());
        ticks(grace - 1);
        assertEquals(1, manager.roomCount(), "still there one tick before the grace");
        assertFalse(room.isClosed());
        tick();
        assertEquals(0, manager.roomCount(), "disposed at exactly the grace");
        assertTrue(room.isClosed());
        assertTrue(scheduled.isEmpty(), "taken off its game thread");
        assertEquals(1, count("lifecycle disposed"));
        assertEquals("onDispose", gameCalls.get(gameCalls.size() - 1));
        assertEquals(ErrorCode.ROOM_NOT_FOUND, thrown(() -> manager.join(new FakeConnection(), code, "b", null)));
        CompletableFuture<RawJson> late = r.membership().ready(true);
        assertTrue(late.isCompletedExceptionally(), "a closed room answers at once");
        assertEquals(ErrorCode.NOT_IN_ROOM, ((ProtocolException) assertThrows(CompletionException.class, late::join)
                .getCause()).code());
    }

    @Test
    void aRoomWithASpectatorOnlyIsNotEmpty() {
        FakeConnection a = new FakeConnection(), s = new FakeConnection();
        JoinResult r = await(manager.create(a, "a", Request.SettingsPatch.NONE));
        JoinResult spec = await(manager.spectate(s, r.membership().room().code(), null));
        await(r.membership().leave());
        ticks(3 * cfg.ticks(cfg.emptyRoomGrace()));
        assertEquals(1, manager.roomCount());
        assertEquals(1, manager.spectatorCount());
        await(spec.membership().leave());
        assertEquals(0, manager.spectatorCount());
        ticks(cfg.ticks(cfg.emptyRoomGrace()));
        assertEquals(0, manager.roomCount());
    }

    @Test
    void privatePhasesLastExactlyTheirConfiguredTicks() {
        FakeConnection hc = new FakeConnection(), bc = new FakeConnection();
        JoinResult host = await(manager.create(hc, "host", new Request.SettingsPatch(null, 30, null, null, null)));
        JoinResult b = await(manager.join(bc, host.membership().room().code(), "b", null));
        assertTrue(hc.last(Events.ROOM_UPDATE).get("phaseEndsAt").isJsonNull(), "the lobby has no end");
        await(b.membership().ready(true));
        assertTrue(bc.last(Events.ROOM_UPDATE).getAsJsonArray("players").get(1).getAsJsonObject().get("ready")
                .getAsBoolean());
        assertEquals("{\"ok\":true}", await(host.membership().start()).json());
        long startedAt = ticker.wallMillis();
        JsonObject countdown = hc.last(Events.ROOM_UPDATE);
        assertEquals("countdown", countdown.get("phase").getAsString());
        assertEquals(startedAt + 3_000, countdown.get("phaseEndsAt").getAsLong(), "ends 3 s after the start");
        int countdownTicks = cfg.ticks(cfg.countdown());
        ticks(countdownTicks - 1);
        assertEquals("countdown", hc.last(Events.SNAPSHOT).get("phase").getAsString());
        tick();
        JsonObject playing = hc.last(Events.SNAPSHOT);
        assertEquals("playing", playing.get("phase").getAsString(), "playing after exactly the countdown");
        assertEquals(1, playing.get("round").getAsInt());
        assertEquals(ticker.wallMillis() + 30_000, playing.get("phaseEndsAt").getAsLong(), "the round is 30 s");
        assertTrue(gameCalls.contains("onRoundStart"));
        ticks(30 * cfg.tickRate() - 1);
        assertEquals("playing", hc.last(Events.SNAPSHOT).get("phase").getAsString());
        tick();
        assertEquals("roundover", hc.last(Events.SNAPSHOT).get("phase").getAsString(), "over after exactly 30 s");
        assertTrue(gameCalls.contains("onRoundEnd"));
        ticks(cfg.ticks(cfg.roundOver()) - 1);
        assertEquals("roundover", hc.last(Events.SNAPSHOT).get("phase").getAsString());
        tick();
        JsonObject lobby = hc.last(Events.ROOM_UPDATE);
        assertEquals("lobby", lobby.get("phase").getAsString(), "back to the lobby after the scoreboard");
        assertFalse(lobby.getAsJsonArray("players").get(1).getAsJsonObject().get("ready").getAsBoolean(),
                "everyone is unready again");
        assertEquals("{\"ok\":true}", await(host.membership().start()).json(), "and the host can start again");
    }

    @Test
    void publicRoundsFollowEachOtherWithoutALobby() {
        FakeConnection c = new FakeConnection();
        await(manager.quickplay(c, "a"));
        int round = cfg.ticks(cfg.roundLength());
        assertEquals(1, c.last(Events.SNAPSHOT).get("round").getAsInt());
        ticks(round - 1);
        assertEquals("playing", c.last(Events.SNAPSHOT).get("phase").getAsString());
        tick();
        assertEquals("roundover", c.last(Events.SNAPSHOT).get("phase").getAsString());
        ticks(cfg.ticks(cfg.roundOver()));
        assertEquals("playing", c.last(Events.SNAPSHOT).get("phase").getAsString());
        assertEquals(2, c.last(Events.SNAPSHOT).get("round").getAsInt());
        assertEquals(1, manager.roomsIn("playing"));
        assertEquals(0, manager.roomsIn("lobby"));
    }

    @Test
    void onlyTheHostManagesTheRoomAndEachAnswerCarriesTheRoom() {
        FakeConnection hc = new FakeConnection(), bc = new FakeConnection(), cc = new FakeConnection();
        JoinResult host = await(manager.create(hc, "host", Request.SettingsPatch.NONE));
        String code = host.membership().room().code();
        JoinResult b = await(manager.join(bc, code, "b", null));
        JoinResult c = await(manager.join(cc, code, "c", null));
        Membership bm = b.membership();
        assertEquals(ErrorCode.NOT_HOST, failure(bm.settings(new Request.SettingsPatch(4, null, null, null, null))));
        assertEquals(ErrorCode.NOT_HOST, failure(bm.kick(c.membership().playerId())));
        assertEquals(ErrorCode.NOT_HOST, failure(bm.transferHost(bm.playerId())));
        assertEquals(ErrorCode.NOT_HOST, failure(bm.lock(true)));
        assertEquals(ErrorCode.NOT_HOST, failure(bm.start()));
        assertEquals(3, players(hc), "nothing changed");
        assertFalse(hc.last(Events.ROOM_UPDATE).get("locked").getAsBoolean());

        JsonObject locked = json(await(host.membership().lock(true)));
        assertTrue(locked.get("ok").getAsBoolean());
        assertTrue(locked.getAsJsonObject("room").get("locked").getAsBoolean());
        assertEquals(ErrorCode.ROOM_LOCKED, thrown(() -> manager.join(new FakeConnection(), code, "d", null)));
        assertFalse(json(await(host.membership().lock(false))).getAsJsonObject("room").get("locked").getAsBoolean());

        assertEquals("{\"ok\":true}", await(host.membership().kick(c.membership().playerId())).json());
        assertEquals("kicked", cc.last(Events.ROOM_KICKED).get("reason").getAsString());
        assertFalse(c.membership().active());
        assertEquals(ErrorCode.BAD_REQUEST, failure(host.membership().kick(host.membership().playerId())),
                "the host cannot kick itself");
        assertEquals(ErrorCode.BAD_REQUEST, failure(host.membership().kick(99)));

        JsonObject moved = json(await(host.membership().transferHost(bm.playerId())));
        assertEquals(bm.playerId(), moved.getAsJsonObject("room").get("hostId").getAsInt());
        assertEquals(ErrorCode.NOT_HOST, failure(host.membership().lock(true)), "no longer the host");
        assertEquals(ErrorCode.BAD_REQUEST, failure(bm.transferHost(99)));
        assertEquals(ErrorCode.NOT_IN_ROOM, failure(c.membership().ready(true)), "a kicked player has no seat");
    }

    @Test
    void settingsCheckTheRoomAndAMapChangeStartsANewGameForEveryone() {
        FakeConnection hc = new FakeConnection(), bc = new FakeConnection(), cc = new FakeConnection();
        JoinResult host = await(manager.create(hc, "host", Request.SettingsPatch.NONE));
        String code = host.membership().room().code();
        await(manager.join(bc, code, "b", null));
        await(manager.join(cc, code, "c", null));
        assertEquals(ErrorCode.BAD_REQUEST, failure(host.membership().settings(
                new Request.SettingsPatch(2, null, null, null, null))), "fewer seats than players");
        assertEquals(3, json(await(host.membership().settings(new Request.SettingsPatch(3, null, null, null, null))))
                .getAsJsonObject("room").get("capacity").getAsInt(), "exactly as many seats as players");
        assertEquals(ErrorCode.ROOM_FULL, thrown(() -> manager.join(new FakeConnection(), code, "d", null)));
        assertEquals(ErrorCode.BAD_REQUEST, failure(host.membership().settings(
                new Request.SettingsPatch(null, null, "no-such-map", null, null))));

        long created = gameCalls.stream().filter(s -> s.startsWith("create")).count();
        bc.clear();
        await(host.membership().settings(new Request.SettingsPatch(null, null, "pillars", null, null)));
        assertEquals(created + 1, gameCalls.stream().filter(s -> s.startsWith("create")).count(), "a new game");
        assertTrue(gameCalls.contains("create pillars"));
        JsonObject info = bc.last(Events.GAME_INFO);
        assertNotNull(info, "members are told the new game");
        assertEquals("pillars", info.getAsJsonObject("map").get("id").getAsString());
        assertEquals(30, info.get("tickRate").getAsInt());
        tick();
        assertEquals(3, bc.last(Events.SNAPSHOT).getAsJsonArray("players").size(), "everyone is in the new game");

        await(host.membership().settings(new Request.SettingsPatch(null, null, "pillars", null, null)));
        assertEquals(created + 1, gameCalls.stream().filter(s -> s.startsWith("create")).count(), "same map, same game");

        await(host.membership().start());
        assertEquals(ErrorCode.BAD_STATE, failure(host.membership().settings(
                new Request.SettingsPatch(4, null, null, null, null))), "only in the lobby");
    }

    @Test
    void theRoomReportsItsTicksSnapshotsDropsAndLifecycle() {
        FakeConnection a = new FakeConnection();
        JoinResult r = await(manager.quickplay(a, "a"));
        String id = r.membership().room().id();
        assertEquals(1, count("lifecycle created"));
        reported.clear();
        a.clear();
        ticks(10);
        assertEquals(10, count("tick " + id), "every tick, with the room's id");
        assertEquals(10, count("encoded "));
        List<String> encoded = reported.stream().filter(s -> s.startsWith("encoded ")).toList();
        assertEquals("encoded " + a.sent.get(a.sent.size() - 1).json().length(), encoded.get(encoded.size() - 1),
                "the snapshot's size");
        assertEquals(0, count("skipped"));
        a.writable = false;
        ticks(5);
        assertEquals(5, count("skipped"), "one per snapshot a slow client could not take");
        a.writable = true;

        Membership m = r.membership();
        for (int seq = 1; seq <= 12; seq++) m.offerInput(RoomTest.input(seq, 1, 0, 0, false));
        reported.clear();
        tick();
        assertEquals(List.of("dropped backlog 9"), reported.stream().filter(s -> s.startsWith("dropped")).toList(),
                "one applied, and the queue beyond 8 cut to its newest two");
        assertEquals(0, count("overloaded"));
    }

    @Test
    void aFailingGameClosesItsRoomRevokesItsTokensAndFailsWhatWaits() {
        FakeConnection a = new FakeConnection(), b = new FakeConnection();
        JoinResult ra = await(manager.create(a, "a", Request.SettingsPatch.NONE));
        Room room = ra.membership().room();
        JoinResult rb = await(manager.join(b, room.code(), "b", null));
        rb.membership().disconnected();
        tick();
        failNextStep = new IllegalStateException("game bug");
        tick();
        assertTrue(room.isClosed());
        assertEquals("error", a.last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertEquals(1, count("lifecycle failed"));
        assertEquals(0, manager.roomCount());
        assertEquals("onDispose", gameCalls.get(gameCalls.size() - 1));
        assertFalse(ra.membership().active());
        assertEquals(ErrorCode.SEAT_EXPIRED, thrown(() -> manager.rejoin(new FakeConnection(), token(rb))),
                "a dropped player's token is void");
        assertEquals(ErrorCode.SEAT_EXPIRED, thrown(() -> manager.rejoin(new FakeConnection(), token(ra))));
        assertFalse(room.tryReserve(), "no seat can be reserved");
        assertTrue(ra.membership().ready(true).isCompletedExceptionally());
    }

    @Test
    void shutdownTellsEveryMemberAndTheManagerStopsTakingPlayersButNotRejoins() {
        FakeConnection a = new FakeConnection(), s = new FakeConnection();
        JoinResult ra = await(manager.create(a, "a", Request.SettingsPatch.NONE));
        String code = ra.membership().room().code();
        await(manager.spectate(s, code, null));
        ra.membership().disconnected();
        tick();
        manager.setAccepting(false);
        assertFalse(manager.accepting());
        assertEquals(ErrorCode.SERVER_DRAINING, thrown(() -> manager.quickplay(new FakeConnection(), "x")));
        assertEquals(ErrorCode.SERVER_DRAINING, thrown(() -> manager.create(new FakeConnection(), "x",
                Request.SettingsPatch.NONE)));
        assertEquals(ErrorCode.SERVER_DRAINING, thrown(() -> manager.join(new FakeConnection(), code, "x", null)));
        assertEquals(ErrorCode.SERVER_DRAINING, thrown(() -> manager.spectate(new FakeConnection(), code, null)));
        FakeConnection back = new FakeConnection();
        assertTrue(await(manager.rejoin(back, token(ra))).membership().active(), "a kept seat is still served");
        manager.announceShutdown();
        tick();
        assertEquals("shutdown", back.last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertEquals("shutdown", s.last(Events.ROOM_CLOSED).get("reason").getAsString());
        manager.setAccepting(true);
        manager.setOverloaded(true);
        assertTrue(manager.overloaded());
        assertFalse(manager.accepting());
        assertEquals(ErrorCode.SERVER_FULL, thrown(() -> manager.quickplay(new FakeConnection(), "x")));
        manager.setOverloaded(false);
        assertTrue(manager.accepting());
        assertNotNull(await(manager.quickplay(new FakeConnection(), "x")));
    }

    @Test
    void theManagerListsPublicRoomsInIdOrderAndCountsPlayers() {
        for (int i = 0; i < 9; i++) await(manager.quickplay(new FakeConnection(), "p" + i)); // two public rooms
        JoinResult priv = await(manager.create(new FakeConnection(), "h", Request.SettingsPatch.NONE));
        List<RoomSummary> list = manager.publicRooms();
        assertEquals(2, list.size(), "private rooms are not listed");
        assertTrue(list.get(0).id().compareTo(list.get(1).id()) < 0, "sorted by id");
        assertEquals(9, list.stream().mapToInt(RoomSummary::players).sum());
        assertEquals(10, manager.playerCount());
        assertEquals(3, manager.rooms().size());
        assertEquals(3, manager.roomCount());
        assertEquals(cfg, manager.config());
        assertNull(list.stream().filter(x -> x.id().equals(priv.membership().room().id())).findFirst().orElse(null));
    }

    @Test
    void wrongPasswordsCountAsGuessesAndSpectatorsNeedThePasswordToo() {
        FakeConnection hc = new FakeConnection();
        JoinResult host = await(manager.create(hc, "host", new Request.SettingsPatch(null, null, null, null, "pw")));
        String code = host.membership().room().code();
        FakeConnection guesser = new FakeConnection("10.9.9.9");
        assertEquals(ErrorCode.BAD_PASSWORD, thrown(() -> manager.spectate(guesser, code, null)));
        for (int i = 0; i < 4; i++) {
            assertEquals(ErrorCode.BAD_PASSWORD, thrown(() -> manager.join(guesser, code, "g", "nope")));
        }
        assertEquals(ErrorCode.RATE_LIMITED, thrown(() -> manager.join(guesser, code, "g", "pw")),
                "five wrong passwords, as five wrong codes, block the connection");
        assertNotNull(await(manager.spectate(new FakeConnection(), code, "pw")));
        assertNotNull(await(manager.join(new FakeConnection(), code, "ok", "pw")));
    }
}
