package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.Events;
import io.skirmish.snapshot.Frame;
import io.skirmish.snapshot.FrameDecoder;
import io.skirmish.snapshot.SnapshotText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A room's snapshot sending on its own: the rate, who gets which form, each form encoded only for
 * someone, spectators behind by the delay, and the overload policy's rate division.
 */
class SnapshotFanoutTest {
    private final ManualTicker ticker = new ManualTicker();
    private final List<String> metrics = new ArrayList<>();
    private final RoomMetrics recording = new RoomMetrics() {
        @Override
        public void snapshotEncoded(int bytes, long nanos) {
            metrics.add("encoded " + bytes + " " + nanos);
        }

        @Override
        public void snapshotSkipped() {
            metrics.add("skipped");
        }

        @Override
        public void roomOverloaded() {
            metrics.add("overloaded");
        }
    };
    private int jsonEncodes;
    private int frames;

    /** A connection that may ask for compact snapshots. */
    static final class Client extends FakeConnectionBase {
        final boolean compact;

        Client(boolean compact) {
            this.compact = compact;
        }

        @Override
        public boolean compactSnapshots() {
            return compact;
        }
    }

    /** FakeConnection is final; this is the same recorder, open to the compact flag. */
    abstract static class FakeConnectionBase implements Connection {
        final List<FakeConnection.Sent> sent = new ArrayList<>();
        final List<RawJson> volatilePayloads = new ArrayList<>();
        boolean writable = true;

        @Override
        public void send(String event, RawJson payload) {
            sent.add(new FakeConnection.Sent(event, payload.json()));
        }

        @Override
        public boolean sendVolatile(String event, RawJson payload) {
            if (!writable) return false;
            sent.add(new FakeConnection.Sent(event, payload.json()));
            volatilePayloads.add(payload);
            return true;
        }

        @Override
        public String address() {
            return "127.0.0.1";
        }

        @Override
        public void close() {
        }

        List<String> events() {
            return sent.stream().map(FakeConnection.Sent::event).toList();
        }
    }

    private static Seat seat(int id, Connection c) {
        return new Seat(id, "p" + id, "token-" + id, c, 8);
    }

    private static Membership spectator(Connection c) {
        return new Membership(null, null, c);
    }

    private Supplier<RawJson> encode(long tick) {
        return () -> {
            jsonEncodes++;
            ticker.advance(1_000, java.util.concurrent.TimeUnit.NANOSECONDS); // what the encoding took
            return new RawJson("{\"tick\":" + tick + "}");
        };
    }

    private Supplier<Frame> frame(long tick) {
        return () -> {
            frames++;
            return new Frame(30, tick, 1_000 + tick, 2, 1, 0, List.of(), List.of());
        };
    }

    private static Frame decode(Frame held, FakeConnection.Sent s) {
        String text = s.json();
        return FrameDecoder.decode(held, SnapshotText.bytes(text.substring(1, text.length() - 1)));
    }

    @Test
    void snapshotsGoAtTheSnapshotRate() {
        SnapshotFanout f = new SnapshotFanout("r", RoomConfig.defaults().withTickRate(30, 15), ticker, recording);
        Client c = new Client(false);
        List<Seat> seats = List.of(seat(1, c));
        for (long t = 0; t < 30; t++) {
            f.maybeSend(t, seats, List.of(), encode(t), null);
        }
        assertEquals(15, c.sent.size());
        assertEquals("{\"tick\":1}", c.sent.get(0).json(), "every second tick");
        assertEquals("{\"tick\":3}", c.sent.get(1).json());
        assertEquals(15, jsonEncodes);
    }

    @Test
    void eachFormIsEncodedOnlyForSomeoneAndOncePerSnapshot() {
        SnapshotFanout f = new SnapshotFanout("r", RoomConfig.defaults(), ticker, recording);
        f.maybeSend(0, List.of(), List.of(), encode(0), frame(0));
        assertEquals(0, jsonEncodes + frames, "an empty room encodes nothing");
        f.maybeSend(1, List.of(seat(1, null)), List.of(), encode(1), frame(1));
        assertEquals(0, jsonEncodes + frames, "a dropped seat receives nothing");
        metrics.clear();

        Client json1 = new Client(false), json2 = new Client(false);
        f.maybeSend(2, List.of(seat(1, json1), seat(2, json2)), List.of(), encode(2), frame(2));
        assertEquals(1, jsonEncodes);
        assertEquals(0, frames, "nobody reads the compact form");
        assertEquals(List.of(Events.SNAPSHOT), json1.events());
        assertEquals(List.of(Events.SNAPSHOT), json2.events());
        assertEquals(List.of("encoded 10 1000"), metrics, "the JSON form's size and encoding time");

        Client compact = new Client(true);
        metrics.clear();
        f.maybeSend(3, List.of(seat(3, compact)), List.of(), encode(3), frame(3));
        assertEquals(1, jsonEncodes, "nobody reads the JSON form");
        assertEquals(1, frames);
        assertEquals(List.of(SnapshotText.EVENT), compact.events());
        assertEquals(1, metrics.size());
        assertTrue(metrics.get(0).startsWith("encoded " + compact.sent.get(0).json().length() + " "), metrics.toString());

        Client old = new Client(true);
        f.maybeSend(4, List.of(seat(4, old)), List.of(), encode(4), null);
        assertEquals(List.of(Events.SNAPSHOT), old.events(), "a game without a compact form: JSON for everyone");
    }

    /** Members that get the same form get the same payload object: one wrapper per form, not per member. */
    @Test
    void membersGettingTheSameFormShareOnePayloadObject() {
        SnapshotFanout f = new SnapshotFanout("r", RoomConfig.defaults(), ticker, recording);
        Client a = new Client(true), b = new Client(true), late = new Client(true), d = new Client(true);
        f.maybeSend(1, List.of(seat(1, a), seat(2, b)), List.of(), encode(1), frame(1));
        assertSame(a.volatilePayloads.get(0), b.volatilePayloads.get(0), "both get the keyframe");
        f.maybeSend(2, List.of(seat(1, a), seat(2, b), seat(3, late), seat(4, d)), List.of(), encode(2), frame(2));
        assertSame(a.volatilePayloads.get(1), b.volatilePayloads.get(1), "both hold tick 1: one delta object");
        assertSame(late.volatilePayloads.get(0), d.volatilePayloads.get(0), "both new: one keyframe object");
        assertNotSame(a.volatilePayloads.get(1), late.volatilePayloads.get(0));
        assertNotEquals(a.volatilePayloads.get(1).json(), late.volatilePayloads.get(0).json(), "a delta, then a keyframe");
    }

    @Test
    void aCompactPlayerGetsDeltasOnWhatItHoldsAndAKeyframeAfterASkip() {
        SnapshotFanout f = new SnapshotFanout("r", RoomConfig.defaults(), ticker, recording);
        Client c = new Client(true);
        List<Seat> seats = List.of(seat(1, c));
        f.maybeSend(10, seats, List.of(), encode(10), frame(10));
        f.maybeSend(11, seats, List.of(), encode(11), frame(11));
        Frame held = decode(null, c.sent.get(0));
        assertEquals(10, held.tick());
        assertFalse(FrameDecoder.isKeyframe(SnapshotText.bytes(c.sent.get(1).json().replace("\"", ""))));
        held = decode(held, c.sent.get(1));
        assertEquals(11, held.tick());

        c.writable = false;
        f.maybeSend(12, seats, List.of(), encode(12), frame(12));
        assertEquals(List.of("skipped"), metrics.stream().filter(m -> m.equals("skipped")).toList());
        c.writable = true;
        f.maybeSend(13, seats, List.of(), encode(13), frame(13));
        String after = c.sent.get(2).json();
        assertTrue(FrameDecoder.isKeyframe(SnapshotText.bytes(after.substring(1, after.length() - 1))),
                "it missed 12: a keyframe");
        assertEquals(13, decode(null, c.sent.get(2)).tick());
    }

    @Test
    void spectatorsSeeEachSnapshotTheSpectatorDelayLaterAndSaySo() {
        RoomConfig cfg = RoomConfig.defaults().withSpectatorDelay(Duration.ofMillis(100)); // 3 ticks
        SnapshotFanout f = new SnapshotFanout("r", cfg, ticker, recording);
        Client json = new Client(false), compact = new Client(true);
        List<Membership> spectators = List.of(spectator(json), spectator(compact));
        for (long t = 0; t < 3; t++) {
            f.maybeSend(t, List.of(), spectators, encode(t), frame(t));
        }
        assertEquals(List.of(), json.sent, "nothing before the delay");
        f.maybeSend(3, List.of(), spectators, encode(3), frame(3));
        assertEquals("{\"delayMs\":100,\"tick\":0}", json.sent.get(0).json());
        Frame held = decode(null, compact.sent.get(0));
        assertEquals(0, held.tick());
        assertEquals(100, held.delayMs());
        f.maybeSend(4, List.of(), spectators, encode(4), frame(4));
        assertEquals("{\"delayMs\":100,\"tick\":1}", json.sent.get(1).json());
        assertEquals(1, decode(held, compact.sent.get(1)).tick(), "a delta on the copy it holds");
    }

    @Test
    void spectatorsAloneLeaveNoBacklogWhenTheyGo() {
        RoomConfig cfg = RoomConfig.defaults().withSpectatorDelay(Duration.ofMillis(100));
        SnapshotFanout f = new SnapshotFanout("r", cfg, ticker, recording);
        Client first = new Client(false);
        for (long t = 0; t < 5; t++) {
            f.maybeSend(t, List.of(), List.of(spectator(first)), encode(t), null);
        }
        Client player = new Client(false);
        f.maybeSend(5, List.of(seat(1, player)), List.of(), encode(5), null); // the spectator left
        Client late = new Client(false);
        f.maybeSend(6, List.of(seat(1, player)), List.of(spectator(late)), encode(6), null);
        assertEquals(List.of(), late.sent, "the buffer was dropped: no old snapshot for a new spectator");
        for (long t = 7; t <= 9; t++) {
            f.maybeSend(t, List.of(seat(1, player)), List.of(spectator(late)), encode(t), null);
        }
        assertEquals("{\"delayMs\":100,\"tick\":6}", late.sent.get(0).json());
    }

    @Test
    void withoutADelaySpectatorsGetTheSnapshotAtOnceAndAnEmptyOneStaysValidJson() {
        RoomConfig cfg = RoomConfig.defaults().withSpectatorDelay(Duration.ZERO);
        SnapshotFanout f = new SnapshotFanout("r", cfg, ticker, recording);
        Client s = new Client(false);
        f.maybeSend(0, List.of(), List.of(spectator(s)), () -> new RawJson("{}"), null);
        assertEquals("{\"delayMs\":0}", s.sent.get(0).json());
        s.writable = false;
        f.maybeSend(1, List.of(), List.of(spectator(s)), () -> new RawJson("{}"), null);
        assertTrue(metrics.contains("skipped"));
    }

    @Test
    void anOverloadedRoomHalvesItsSnapshotRateUpToAQuarterAndRecovers() {
        RoomConfig cfg = RoomConfig.defaults(); // 30 Hz: over half a period (16.7 ms) for a second is overload
        SnapshotFanout f = new SnapshotFanout("r", cfg, ticker, recording);
        long over = 17_000_000, fine = 16_000_000;
        for (int i = 0; i < 29; i++) f.tickTook(i, over);
        assertEquals(1, f.divisor());
        f.tickTook(29, over);
        assertEquals(2, f.divisor(), "a second of overruns");
        assertEquals(List.of("overloaded"), metrics);
        for (int i = 0; i < 30; i++) f.tickTook(i, over);
        assertEquals(4, f.divisor());
        for (int i = 0; i < 60; i++) f.tickTook(i, over);
        assertEquals(SnapshotFanout.MAX_DIVISOR, f.divisor(), "never below a quarter");
        assertEquals(2, metrics.size());

        Client c = new Client(false);
        for (long t = 0; t < 12; t++) f.maybeSend(t, List.of(seat(1, c)), List.of(), encode(t), null);
        assertEquals(3, c.sent.size(), "a quarter of 30 Hz");

        for (int i = 0; i < 149; i++) f.tickTook(i, fine);
        assertEquals(4, f.divisor());
        f.tickTook(149, fine);
        assertEquals(1, f.divisor(), "five good seconds: the full rate again");
    }
}
