package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.arena.ArenaGame;
import io.skirmish.arena.PlayerInput;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameFactory;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoomTest {
    private final RoomHarness h = new RoomHarness();

    private static ErrorCode codeOf(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return ((ProtocolException) c).code();
    }

    private JoinResult quick(FakeConnection c, String name) {
        return h.await(h.manager.quickplay(c, name));
    }

    private JoinResult create(FakeConnection c, String name) {
        return h.await(h.manager.create(c, name, Request.SettingsPatch.NONE));
    }

    /** An arena input as the network layer hands it on: seq checked, the game's fields still to decode. */
    static Request.Input input(int seq, double moveX, double moveY, double aim, boolean fire) {
        return new Request.Input(seq, io.skirmish.protocol.Fields.of(
                Map.of("seq", seq, "moveX", moveX, "moveY", moveY, "aim", aim, "fire", fire)));
    }

    private static JsonObject ack(JoinResult r) {
        return com.google.gson.JsonParser.parseString(r.ack().json()).getAsJsonObject();
    }

    @Test
    void quickPlayFillsTheFullestPublicRoomThenOpensAnother() {
        List<JoinResult> joins = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            joins.add(quick(new FakeConnection(), "p" + i));
        }
        Room first = joins.get(0).membership().room();
        for (int i = 0; i < 8; i++) {
            assertSame(first, joins.get(i).membership().room());
        }
        assertNotEquals(first, joins.get(8).membership().room(), "the ninth goes to a new room");
        JsonObject a = ack(joins.get(1));
        assertTrue(a.get("ok").getAsBoolean());
        assertEquals(2, a.getAsJsonObject("you").get("id").getAsInt());
        assertTrue(a.getAsJsonObject("room").get("code").isJsonNull());
        assertEquals("playing", a.getAsJsonObject("room").get("phase").getAsString());
        assertEquals(30, a.getAsJsonObject("game").get("tickRate").getAsInt());
        assertNotNull(a.getAsJsonObject("game").getAsJsonObject("map"));
    }

    @Test
    void capacityHoldsUnderConcurrentJoins() throws Exception {
        FakeConnection host = new FakeConnection();
        String code = ack(create(host, "host")).getAsJsonObject("room").get("code").getAsString();
        int clients = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CompletableFuture<JoinResult>>> attempts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            attempts.add(pool.submit(() -> {
                go.await();
                try {
                    return h.manager.join(new FakeConnection("10.0.0." + n), code, "p" + n, null);
                } catch (ProtocolException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }));
        }
        go.countDown();
        List<CompletableFuture<JoinResult>> futures = new ArrayList<>();
        for (var a : attempts) futures.add(a.get(10, TimeUnit.SECONDS));
        pool.shutdown();
        h.tick();
        int ok = 0, full = 0;
        for (var f : futures) {
            if (f.isCompletedExceptionally()) {
                assertEquals(ErrorCode.ROOM_FULL, codeOf(assertThrows(CompletionException.class, f::join)));
                full++;
            } else {
                ok++;
            }
        }
        assertEquals(7, ok, "8 seats, the host has one");
        assertEquals(clients - 7, full);
        assertEquals(8, h.scheduled.get(0).occupancy());
    }

    @Test
    void joinCodesAreUniqueWellFormedAndUnrelatedToRoomIds() {
        // Created together and answered in one tick: each room once, not every room per creation.
        List<CompletableFuture<JoinResult>> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            created.add(h.manager.create(new FakeConnection(), "h", Request.SettingsPatch.NONE));
        }
        h.tick();
        Set<String> codes = new HashSet<>();
        for (CompletableFuture<JoinResult> f : created) {
            JsonObject room = ack(f.join()).getAsJsonObject("room");
            String code = room.get("code").getAsString();
            assertTrue(code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}"), code);
            assertFalse(room.get("id").getAsString().toUpperCase().contains(code));
            assertTrue(codes.add(code), "duplicate code " + code);
        }
    }

    @Test
    void aCodeInUseIsNeverHandedOutAgain() {
        List<String> offered = new ArrayList<>();
        h.manager.useCodes(claim -> {
            for (String c : List.of("AAAAA", "AAAAA", "BBBBB")) {
                offered.add(c);
                if (claim.test(c)) return c;
            }
            throw new AssertionError("no code left");
        });
        assertEquals("AAAAA", ack(create(new FakeConnection(), "a")).getAsJsonObject("room").get("code").getAsString());
        offered.clear();
        assertEquals("BBBBB", ack(create(new FakeConnection(), "b")).getAsJsonObject("room").get("code").getAsString());
        assertEquals(List.of("AAAAA", "AAAAA", "BBBBB"), offered, "the code in use was refused");
        assertEquals(2, h.scheduled.size());
    }

    @Test
    void joinByCodeWrongCodeAndFullRoom() {
        FakeConnection host = new FakeConnection();
        String code = ack(create(host, "host")).getAsJsonObject("room").get("code").getAsString();
        JoinResult b = h.await(h.manager.join(new FakeConnection(), code, "b", null));
        assertSame(h.scheduled.get(0), b.membership().room());
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> h.manager.join(new FakeConnection(), "ZZZZZ", "c", null));
        assertEquals(ErrorCode.ROOM_NOT_FOUND, e.code());
    }

    @Test
    void inputsAreAppliedInOrderWithAStepBudgetAndTheirSeqComesBackInSnapshots() {
        FakeConnection c = new FakeConnection();
        JoinResult r = quick(c, "a");
        Membership m = r.membership();
        for (int seq = 1; seq <= 10; seq++) {
            assertNull(m.offerInput(input(seq, 1, 0, 0, false)));
        }
        assertEquals("stale_seq", m.offerInput(input(10, 1, 0, 0, false)));
        c.clear();
        h.tick();
        JsonObject snap = c.last(Events.SNAPSHOT);
        int seq1 = snap.getAsJsonArray("players").get(0).getAsJsonObject().get("seq").getAsInt();
        assertTrue(seq1 >= 1 && seq1 <= h.cfg.maxStepsPerTick(), "bounded steps per tick: " + seq1);
        h.ticks(10);
        JsonObject last = c.last(Events.SNAPSHOT).getAsJsonArray("players").get(0).getAsJsonObject();
        assertEquals(10, last.get("seq").getAsInt(), "all applied eventually, in order");
        assertTrue(last.get("vx").getAsDouble() > 0, "moved right");
    }

    /** Latest applied seq of the only player, from its last snapshot. */
    private static int appliedSeq(FakeConnection c) {
        return c.last(Events.SNAPSHOT).getAsJsonArray("players").get(0).getAsJsonObject().get("seq").getAsInt();
    }

    @Test
    void aBacklogAfterAStallDrainsButAJitteryClientMovesOneStepPerTick() {
        FakeConnection c = new FakeConnection();
        Membership m = quick(c, "a").membership();
        h.ticks(40); // idle: the step bank fills
        int seq = 0;
        for (int i = 0; i < 8; i++) m.offerInput(input(++seq, 1, 0, 0, false)); // a stalled burst
        for (int t = 0; t < 8; t++) {
            m.offerInput(input(++seq, 1, 0, 0, false)); // and the steady stream after it
            h.tick();
        }
        assertTrue(seq - appliedSeq(c) <= 2, "the backlog drained: sent " + seq + ", applied " + appliedSeq(c));
        // Now jitter: inputs alternate between two in one tick and none in the next.
        List<Integer> steps = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            int before = appliedSeq(c);
            if (t % 2 == 0) {
                m.offerInput(input(++seq, 1, 0, 0, false));
                m.offerInput(input(++seq, 1, 0, 0, false));
            }
            h.tick();
            steps.add(appliedSeq(c) - before);
        }
        assertEquals(List.of(1), steps.subList(4, 20).stream().distinct().toList(), "one step every tick: " + steps);
    }

    /** A game that only counts the movement steps (inputs) it is given. */
    private static class StepCounter implements Game<PlayerInput> {
        int steps;

        @Override public void onCreate(GameContext ctx, long seed) { }
        @Override public InputDecoder<PlayerInput> inputDecoder() { return PlayerInput.DECODER; }
        @Override public JsonObject save() { return new JsonObject(); }
        @Override public void restore(JsonObject state) { }
        @Override public long stateHash() { return steps; }
        @Override public void onJoin(int id, String name) { }
        @Override public void onLeave(int id) { }
        @Override public void onRoundStart(int round, long endsAt) { }
        @Override public void onRoundEnd(int round) { }
        @Override public JsonObject describe() { return new JsonObject(); }

        @Override
        public void writeSnapshot(SnapshotWriter out) throws java.io.IOException {
            out.json().name("players").beginArray().endArray();
        }

        @Override
        public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
            inputs.values().forEach(l -> steps += l.size());
        }
    }

    @Test
    void anInputIsStampedWithTheTickItArrivedForNotTheTickItIsApplied() {
        List<double[]> applied = new ArrayList<>(); // {tick applied, when it arrived in ticks}
        StepCounter game = new StepCounter() {
            @Override
            public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
                inputs.values().forEach(l -> l.forEach(in -> applied.add(new double[] {tick, in.arrivalTick()})));
            }
        };
        RoomHarness h2 = new RoomHarness(RoomConfig.defaults(), map -> game);
        Membership m = h2.await(h2.manager.quickplay(new FakeConnection(), "a")).membership();
        h2.ticks(5);
        // Half a tick period after the last tick began: the input arrived at that tick + 0.5.
        h2.ticker.advance(500_000_000L / h2.cfg.tickRate(), java.util.concurrent.TimeUnit.NANOSECONDS);
        m.offerInput(input(1, 1, 0, 0, false)); // a lone input: the jitter buffer holds it a tick
        h2.ticks(3);
        assertEquals(1, applied.size());
        double appliedAt = applied.get(0)[0];
        double arrived = applied.get(0)[1];
        // Applied two ticks after the last one run when it arrived: one tick to the next run, one
        // held in the jitter buffer; the server's, not the sender's.
        assertEquals(appliedAt - 1.5, arrived, 1e-6);
    }

    @Test
    void sendingFasterThanTheTickRateDoesNotMoveFaster() {
        StepCounter game = new StepCounter();
        RoomHarness h2 = new RoomHarness(RoomConfig.defaults(), map -> game);
        Membership m = h2.await(h2.manager.quickplay(new FakeConnection(), "cheat")).membership();
        int seq = 0, ticks = 300;
        for (int t = 0; t < ticks; t++) {
            for (int i = 0; i < 3; i++) {
                m.offerInput(input(++seq, 1, 0, 0, false)); // three times the allowed rate
            }
            h2.tick();
        }
        int bank = h2.cfg.stepBank();
        assertTrue(game.steps <= ticks + 1 + bank, game.steps + " steps in " + ticks + " ticks");
        assertTrue(game.steps >= ticks - 2, "but a full step every tick: " + game.steps);
    }

    @Test
    void aFullInboxDropsTheOldestInput() {
        JoinResult r = quick(new FakeConnection(), "a");
        Membership m = r.membership();
        String dropped = null;
        for (int seq = 1; seq <= h.cfg.inputQueue() + 5; seq++) {
            String d = m.offerInput(input(seq, 0, 0, 0, false));
            if (d != null) dropped = d;
        }
        assertEquals("queue_full", dropped);
    }

    @Test
    void aSlowClientSkipsSnapshotsWithoutAffectingOthers() {
        FakeConnection slow = new FakeConnection(), fast = new FakeConnection();
        quick(slow, "slow");
        quick(fast, "fast");
        slow.writable = false;
        slow.clear();
        fast.clear();
        h.ticks(30);
        assertEquals(0, slow.all(Events.SNAPSHOT).size());
        assertEquals(30, fast.all(Events.SNAPSHOT).size());
    }

    @Test
    void snapshotRateCanBeLowerThanTheTickRate() {
        RoomHarness h2 = new RoomHarness(RoomConfig.defaults().withTickRate(30, 10), ArenaGame.factory());
        FakeConnection c = new FakeConnection();
        h2.await(h2.manager.quickplay(c, "a"));
        c.clear();
        h2.ticks(30);
        assertEquals(10, c.all(Events.SNAPSHOT).size());
    }

    @Test
    void leavingFreesTheSeatAndTellsTheOthers() {
        FakeConnection a = new FakeConnection(), b = new FakeConnection();
        JoinResult ra = quick(a, "a");
        quick(b, "b");
        b.clear();
        h.await(ra.membership().leave());
        JsonObject update = b.last(Events.ROOM_UPDATE);
        assertEquals(1, update.getAsJsonArray("players").size());
        assertEquals(1, ra.membership().room().occupancy());
        assertFalse(ra.membership().active());
    }

    @Test
    void aDroppedSeatIsKeptForTheGraceThenFreed() {
        FakeConnection a = new FakeConnection();
        JoinResult ra = quick(a, "a");
        String token = ack(ra).getAsJsonObject("you").get("seatToken").getAsString();
        ra.membership().disconnected();
        h.tick();
        FakeConnection a2 = new FakeConnection();
        JoinResult back = h.await(h.manager.rejoin(a2, token));
        assertEquals(ra.membership().playerId(), back.membership().playerId(), "same player id");
        back.membership().disconnected();
        h.ticks(h.cfg.ticks(h.cfg.seatGrace()) + 2);
        ProtocolException e = assertThrows(ProtocolException.class, () -> h.manager.rejoin(new FakeConnection(), token));
        assertEquals(ErrorCode.SEAT_EXPIRED, e.code());
    }

    @Test
    void emptyRoomsAreDisposedAfterTheGracePeriodAndTheirCodeDies() {
        FakeConnection a = new FakeConnection();
        JoinResult r = create(a, "a");
        String code = ack(r).getAsJsonObject("room").get("code").getAsString();
        h.await(r.membership().leave());
        h.ticks(h.cfg.ticks(h.cfg.emptyRoomGrace()) + 1);
        assertTrue(h.scheduled.isEmpty());
        assertEquals(0, h.manager.roomCount());
        assertThrows(ProtocolException.class, () -> h.manager.join(new FakeConnection(), code, "b", null));
    }

    @Test
    void publicRoundsCycleWithAScoreboard() {
        RoomHarness h2 = new RoomHarness(RoomConfig.defaults().withRoundLength(Duration.ofSeconds(2)), ArenaGame.factory());
        FakeConnection c = new FakeConnection();
        h2.await(h2.manager.quickplay(c, "a"));
        h2.ticks(2 * 30 + 1);
        JsonObject end = c.all(Events.GAME_EVENT).stream().filter(e -> e.get("type").getAsString().equals("round:end"))
                .findFirst().orElseThrow();
        assertEquals(1, end.get("round").getAsInt());
        assertEquals("a", end.getAsJsonArray("scoreboard").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("roundover", c.last(Events.SNAPSHOT).get("phase").getAsString());
        h2.ticks(8 * 30 + 1);
        assertEquals("playing", c.last(Events.SNAPSHOT).get("phase").getAsString());
        assertEquals(2, c.last(Events.SNAPSHOT).get("round").getAsInt());
    }

    @Test
    void aThrowingRoomIsClosedItsPlayersToldAndOtherRoomsGoOn() {
        GameFactory arena = ArenaGame.factory();
        GameFactory flaky = map -> map.equals("pillars") ? new ThrowingGame(arena.create("arena"), 5) : arena.create(map);
        RoomHarness h2 = new RoomHarness(RoomConfig.defaults(), new GameFactory() {
            @Override
            public Game<?> create(String mapId) {
                return flaky.create(mapId);
            }
        });
        FakeConnection victim = new FakeConnection(), bystander = new FakeConnection();
        h2.await(h2.manager.create(victim, "v", new Request.SettingsPatch(null, null, "pillars", null, null)));
        h2.await(h2.manager.quickplay(bystander, "b"));
        bystander.clear();
        h2.ticks(20);
        assertEquals("error", victim.last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertEquals(1, h2.manager.roomCount());
        assertEquals(20, bystander.all(Events.SNAPSHOT).size(), "the other room kept its rate");
    }

    /** Delegates to a real game and throws on the n-th step. */
    private static final class ThrowingGame implements Game<PlayerInput> {
        private final Game<PlayerInput> inner;
        private int left;

        @SuppressWarnings("unchecked")
        ThrowingGame(Game<?> inner, int stepsBeforeThrow) {
            this.inner = (Game<PlayerInput>) inner;
            this.left = stepsBeforeThrow;
        }

        @Override public void onCreate(GameContext ctx, long seed) { inner.onCreate(ctx, seed); }
        @Override public InputDecoder<PlayerInput> inputDecoder() { return inner.inputDecoder(); }
        @Override public JsonObject save() { return inner.save(); }
        @Override public void restore(JsonObject state) { inner.restore(state); }
        @Override public long stateHash() { return inner.stateHash(); }
        @Override public void onJoin(int id, String name) { inner.onJoin(id, name); }
        @Override public void onLeave(int id) { inner.onLeave(id); }
        @Override public void onRoundStart(int round, long endsAt) { inner.onRoundStart(round, endsAt); }
        @Override public void onRoundEnd(int round) { inner.onRoundEnd(round); }
        @Override public JsonObject describe() { return inner.describe(); }

        @Override
        public void writeSnapshot(SnapshotWriter out) throws java.io.IOException {
            inner.writeSnapshot(out);
        }

        @Override
        public void step(long tick, Map<Integer, List<PlayerInput>> inputs) {
            if (--left == 0) throw new IllegalStateException("game bug");
            inner.step(tick, inputs);
        }
    }
}
