package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.Game;
import io.skirmish.game.GameFactory;
import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OverloadPolicyTest {

    /** A factory whose "pillars" games take 25 ms of (manual) time per step: over half a 33 ms tick. */
    private static GameFactory slowPillars(AtomicReference<ManualTicker> clock) {
        GameFactory arena = ArenaGame.factory();
        return new GameFactory() {
            @Override
            public Game<?> create(String mapId) {
                Game<?> real = arena.create(mapId.equals("pillars") ? "pillars" : "arena");
                if (!mapId.equals("pillars")) return real;
                return (Game<?>) java.lang.reflect.Proxy.newProxyInstance(Game.class.getClassLoader(),
                        new Class<?>[] {Game.class}, (proxy, m, args) -> {
                            if (m.getName().equals("step")) clock.get().advanceMillis(25);
                            try {
                                return m.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    @Test
    void aRoomThatKeepsOverrunningItsBudgetSendsFewerSnapshotsAndOtherRoomsKeepTheirRate() {
        AtomicReference<ManualTicker> clock = new AtomicReference<>();
        RoomHarness h = new RoomHarness(RoomConfig.defaults(), slowPillars(clock));
        clock.set(h.ticker);
        FakeConnection slowRoom = new FakeConnection(), fine = new FakeConnection();
        JoinResult slow = h.await(h.manager.create(slowRoom, "s", new Request.SettingsPatch(null, null, "pillars", null, null)));
        h.await(h.manager.quickplay(fine, "f"));
        h.ticks(32); // one second of overruns (the first tick is the join's)
        assertEquals(2, slow.membership().room().snapshotDivisor());
        slowRoom.clear();
        fine.clear();
        h.ticks(20);
        int slowCount = slowRoom.all(Events.SNAPSHOT).size();
        assertTrue(slowCount >= 9 && slowCount <= 11, "half rate: " + slowCount);
        assertEquals(20, fine.all(Events.SNAPSHOT).size());
        h.ticks(10);
        assertEquals(Room.MAX_SNAPSHOT_DIVISOR, slow.membership().room().snapshotDivisor(), "lowered again while over");
    }

    @Test
    void anOverloadedServerRefusesNewPlayersButNotRejoins() {
        RoomHarness h = new RoomHarness();
        JoinResult a = h.await(h.manager.quickplay(new FakeConnection(), "a"));
        String token = com.google.gson.JsonParser.parseString(a.ack().json()).getAsJsonObject()
                .getAsJsonObject("you").get("seatToken").getAsString();
        h.manager.setOverloaded(true);
        assertEquals(ErrorCode.SERVER_FULL,
                assertThrows(ProtocolException.class, () -> h.manager.quickplay(new FakeConnection(), "b")).code());
        a.membership().disconnected();
        h.tick();
        h.await(h.manager.rejoin(new FakeConnection(), token));
        h.manager.setOverloaded(false);
        h.await(h.manager.quickplay(new FakeConnection(), "b"));
    }
}
