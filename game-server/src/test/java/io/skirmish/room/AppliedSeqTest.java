package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.Game;
import io.skirmish.game.GameFactory;
import io.skirmish.arena.PlayerInput;
import io.skirmish.protocol.Events;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The applied-{@code seq} acknowledgement in snapshots is what a client reconciles against: it must be
 * the seq of the last input the simulation applied, also on a tick that applies several (catch-up
 * after a stall), or the client replays the wrong inputs.
 */
class AppliedSeqTest {
    /** Every input the game was given, in the order it applied them. */
    private final List<Integer> applied = new ArrayList<>();
    /** How many inputs each tick applied. */
    private final List<Integer> perTick = new ArrayList<>();
    private final RoomHarness h = new RoomHarness(RoomConfig.defaults(), recording(ArenaGame.factory()));

    /** The real arena game, with its inputs recorded as it is given them. */
    private GameFactory recording(GameFactory real) {
        return new GameFactory() {
            @Override
            public Game<?> create(String mapId) {
                Game<?> game = real.create(mapId);
                return (Game<?>) Proxy.newProxyInstance(Game.class.getClassLoader(), new Class<?>[] {Game.class},
                        (proxy, m, args) -> {
                            if (m.getName().equals("step")) {
                                @SuppressWarnings("unchecked")
                                Map<Integer, List<PlayerInput>> inputs = (Map<Integer, List<PlayerInput>>) args[1];
                                int n = 0;
                                for (List<PlayerInput> l : inputs.values()) {
                                    for (PlayerInput in : l) {
                                        applied.add(in.seq());
                                        n++;
                                    }
                                }
                                perTick.add(n);
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

    private static int ackedSeq(FakeConnection c) {
        return c.last(Events.SNAPSHOT).getAsJsonArray("players").get(0).getAsJsonObject().get("seq").getAsInt();
    }

    @Test
    void afterEveryCatchUpTickTheAckIsTheLastInputApplied() {
        FakeConnection c = new FakeConnection();
        Membership m = h.await(h.manager.quickplay(c, "a")).membership();
        h.ticks(40); // idle: the step bank fills
        for (int seq = 1; seq <= 9; seq++) {
            m.offerInput(RoomTest.input(seq, 1, 0, 0, false)); // a stall: nine inputs at once (none cut)
        }
        applied.clear();
        perTick.clear();
        List<Integer> acks = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            h.tick();
            acks.add(ackedSeq(c));
            assertEquals(applied.isEmpty() ? 0 : applied.get(applied.size() - 1), acks.get(t),
                    "tick " + t + ": the ack is the last input applied; applied " + applied + ", per tick " + perTick);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), applied, "every input once, in order");
        assertTrue(perTick.stream().anyMatch(n -> n > 1), "the backlog was caught up: " + perTick);
        // Jitter buffer for two ticks, then catch-up at maxStepsPerTick (4), then one a tick; a lone last
        // input is held one tick for a partner.
        assertEquals(List.of(1, 1, 4, 2, 0, 1), perTick);
        assertEquals(List.of(1, 2, 6, 8, 8, 9), acks);
    }

    @Test
    void theAckFollowsEachCatchUpTickOfAStandingBacklogWhileInputsKeepComing() {
        FakeConnection c = new FakeConnection();
        Membership m = h.await(h.manager.quickplay(c, "a")).membership();
        h.ticks(40);
        int seq = 0;
        for (int i = 0; i < 8; i++) m.offerInput(RoomTest.input(++seq, 0, 1, 0, false));
        applied.clear();
        perTick.clear();
        for (int t = 0; t < 20; t++) {
            m.offerInput(RoomTest.input(++seq, 0, 1, 0, false)); // the steady stream after the stall
            m.offerInput(RoomTest.input(++seq, 0, 1, 0, t % 3 == 0)); // two a tick: the backlog keeps growing
            h.tick();
            assertEquals(applied.get(applied.size() - 1), ackedSeq(c), "tick " + t + ", per tick " + perTick);
        }
        assertTrue(perTick.stream().anyMatch(n -> n > 1), "catch-up ticks happened: " + perTick);
    }
}
