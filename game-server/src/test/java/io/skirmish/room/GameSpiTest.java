package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.skirmish.game.Game;
import io.skirmish.game.GameContext;
import io.skirmish.game.GameEvent;
import io.skirmish.game.InputDecoder;
import io.skirmish.game.SnapshotWriter;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.Events;
import io.skirmish.protocol.Fields;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The game SPI as a game sees it: typed events, ending rounds and rooms, room-owned snapshot facts. */
class GameSpiTest {
    /** A game whose input is one command word; it counts presses per player. */
    static final class Buttons implements Game<String> {
        record Pressed(int player, String button) implements GameEvent {
            public String type() { return "pressed"; }
        }

        GameContext ctx;
        final TreeMap<Integer, Integer> presses = new TreeMap<>();
        final JsonObject info = new JsonObject();
        int roundEnds;

        @Override public void onCreate(GameContext ctx, long seed) { this.ctx = ctx; }
        @Override public InputDecoder<String> inputDecoder() { return (seq, f) -> decode(f); }
        @Override public void onJoin(int id, String name) { presses.put(id, 0); }
        @Override public void onLeave(int id) { presses.remove(id); }
        @Override public void onRoundStart(int round, long endsAt) { presses.replaceAll((k, v) -> 0); }
        @Override public void onRoundEnd(int round) { roundEnds++; }
        @Override public JsonObject describe() { return info; }
        @Override public long stateHash() { return presses.hashCode(); }
        @Override public void restore(JsonObject state) { }

        @Override
        public JsonObject save() {
            JsonObject o = new JsonObject();
            presses.forEach((k, v) -> o.addProperty(k.toString(), v));
            return o;
        }

        static String decode(Fields f) {
            String b = f.string("button", 8);
            if (!List.of("a", "end", "close", "kick", "note").contains(b)) throw Fields.bad("button is unknown");
            return b;
        }

        @Override
        public void step(long tick, Map<Integer, List<String>> inputs) {
            inputs.forEach((id, list) -> {
                for (String b : list) {
                    presses.merge(id, 1, Integer::sum);
                    ctx.emit(new Pressed(id, b));
                    if (b.equals("end")) {
                        JsonObject results = new JsonObject();
                        results.addProperty("winner", id);
                        ctx.endRound(results);
                    }
                    if (b.equals("close")) ctx.closeRoom("finished");
                    if (b.equals("kick")) ctx.kick(presses.lastKey(), "rules");
                    if (b.equals("note")) {
                        JsonObject fields = new JsonObject();
                        fields.addProperty("type", "ignored");
                        fields.addProperty("tick", -1);
                        fields.addProperty("at", ctx.currentTick());
                        fields.addProperty("phase", ctx.phase().wire());
                        fields.addProperty("rate", ctx.tickRate());
                        ctx.emit("note", fields);
                    }
                }
            });
        }

        @Override
        public void writeSnapshot(SnapshotWriter w) throws IOException {
            w.json().name("players").beginArray();
            for (var e : presses.entrySet()) {
                w.beginPlayer(e.getKey());
                w.json().name("n").value(e.getValue());
                w.endPlayer();
            }
            w.json().endArray();
        }
    }

    private final Buttons game = new Buttons();
    private final List<String> seen = new ArrayList<>();
    private final RoomHarness h = new RoomHarness(RoomConfig.defaults(), map -> game);

    private static Request.Input press(int seq, String button) {
        return new Request.Input(seq, Fields.of(Map.of("seq", seq, "button", button)));
    }

    private Membership join(FakeConnection c) {
        return h.await(h.manager.quickplay(c, "p")).membership();
    }

    @Test
    void aGameDecodesItsOwnInputsAndTheRoomAddsTheEventEnvelopeAndPlayerFacts() {
        FakeConnection c = new FakeConnection();
        Membership m = join(c);
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> m.offerInput(press(1, "zap"))).code());
        assertNull(m.offerInput(press(1, "a")), "a refused input did not use up its seq");
        h.ticks(3);
        JsonObject e = c.last(Events.GAME_EVENT);
        assertEquals("pressed", e.get("type").getAsString());
        assertTrue(e.get("tick").getAsLong() > 0);
        assertEquals(m.playerId(), e.get("player").getAsInt());
        assertEquals("a", e.get("button").getAsString());
        JsonObject p = c.last(Events.SNAPSHOT).getAsJsonArray("players").get(0).getAsJsonObject();
        assertEquals(1, p.get("seq").getAsInt(), "the room wrote the applied seq");
        assertEquals(1, p.get("c").getAsInt(), "and that the player is connected");
        assertEquals(1, p.get("n").getAsInt());
    }

    @Test
    void aGameCanEndItsRoundEarlyWithResults() {
        FakeConnection c = new FakeConnection();
        Membership m = join(c);
        m.offerInput(press(1, "end"));
        h.ticks(3);
        JsonObject end = c.all(Events.GAME_EVENT).stream().filter(e -> e.get("type").getAsString().equals("round:end"))
                .findFirst().orElseThrow();
        assertEquals(1, end.get("round").getAsInt());
        assertEquals(m.playerId(), end.get("winner").getAsInt());
        assertEquals("roundover", c.last(Events.SNAPSHOT).get("phase").getAsString());
        assertEquals(0, game.roundEnds, "no time-up call for a round the game ended");
    }

    @Test
    void aGameCanCloseItsRoom() {
        FakeConnection c = new FakeConnection();
        Membership m = join(c);
        m.offerInput(press(1, "close"));
        h.ticks(3);
        assertEquals("finished", c.last(Events.ROOM_CLOSED).get("reason").getAsString());
        assertEquals(0, h.manager.roomCount());
        assertFalse(m.active());
    }

    @Test
    void theRoomDoesNotChangeTheObjectDescribeReturns() {
        join(new FakeConnection());
        assertEquals(0, game.info.size());
    }

    @Test
    void anObserverSeesJoinsCommandsInputsAndTicksInOrder() {
        h.manager.observe(new RoomObserver() {
            @Override public void joined(Room r, long tick, int id, String name) { seen.add("join " + id); }
            @Override public void left(Room r, long tick, int id) { seen.add("leave " + id); }
            @Override public void command(Room r, long tick, String cmd, int id) { seen.add(cmd + " " + id); }

            @Override
            public void inputs(Room r, long tick, Map<Integer, List<Object>> applied) {
                applied.forEach((id, l) -> seen.add("inputs " + id + " " + l));
            }

            @Override
            public void ticked(Room r, long tick, GameState state) {
                if (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith("hash")) seen.add("hash " + state.hash());
            }
        });
        Membership m = join(new FakeConnection());
        m.offerInput(press(1, "a"));
        h.ticks(2);
        h.await(m.leave());
        assertEquals(List.of("join 1", "hash " + Map.of(1, 0).hashCode(), "inputs 1 [a]",
                "hash " + Map.of(1, 1).hashCode(), "leave 1", "leave 1", "hash 0"), seen);
    }

    @Test
    void aGameMayEmitRawFieldsUnderTheRoomsEnvelopeAndSeesTheRoomsClock() {
        FakeConnection c = new FakeConnection();
        Membership m = join(c);
        m.offerInput(press(1, "note"));
        h.ticks(3);
        JsonObject note = c.all(Events.GAME_EVENT).stream().filter(e -> e.get("type").getAsString().equals("note"))
                .findFirst().orElseThrow();
        assertEquals(note.get("tick").getAsLong(), note.get("at").getAsLong(), "the room's tick, not the game's -1");
        assertTrue(note.get("at").getAsLong() > 0);
        assertEquals("playing", note.get("phase").getAsString());
        assertEquals(30, note.get("rate").getAsInt());
    }

    @Test
    void aGameMayKickAPlayer() {
        FakeConnection first = new FakeConnection(), second = new FakeConnection();
        Membership a = join(first);
        Membership b = join(second);
        a.offerInput(press(1, "kick"));
        h.ticks(3);
        assertEquals("rules", second.last(Events.ROOM_KICKED).get("reason").getAsString());
        assertFalse(b.active());
        assertTrue(a.active());
        assertEquals(1, a.room().members().seatCount());
    }
}
