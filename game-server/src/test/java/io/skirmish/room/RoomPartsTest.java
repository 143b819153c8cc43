package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.loop.ManualTicker;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.RequestDecoder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The room's small parts on their own: limits, counts, clocks, the command queue, codes and passwords. */
class RoomPartsTest {
    private final ManualTicker ticker = new ManualTicker();

    private static ErrorCode failure(CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        return ((ProtocolException) e.getCause()).code();
    }

    @Test
    void attemptsAreLimitedPerKeyWithinAWindow() {
        AttemptLimiter limiter = new AttemptLimiter(ticker, 3, 10, TimeUnit.SECONDS);
        Object key = new Object(), other = new Object();
        limiter.fail(key);
        limiter.fail(key);
        assertFalse(limiter.blocked(key), "2 of 3");
        limiter.fail(key);
        assertTrue(limiter.blocked(key), "the limit reached");
        assertFalse(limiter.blocked(other), "per key");
        ticker.advance(9_999, TimeUnit.MILLISECONDS);
        assertTrue(limiter.blocked(key), "until the window ends");
        ticker.advance(1, TimeUnit.MILLISECONDS);
        assertFalse(limiter.blocked(key), "the window ended exactly");
        limiter.fail(key);
        assertFalse(limiter.blocked(key), "a failure after the window starts a new count");
        limiter.fail(key);
        ticker.advance(9_999, TimeUnit.MILLISECONDS);
        limiter.fail(key);
        assertTrue(limiter.blocked(key), "three in the new window");
    }

    @Test
    void manyKeysArePurgedOnceTheirWindowsEnd() {
        AttemptLimiter limiter = new AttemptLimiter(ticker, 1, 1, TimeUnit.SECONDS);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            Object k = new Object();
            keys.add(k);
            limiter.fail(k);
        }
        assertTrue(limiter.blocked(keys.get(0)));
        ticker.advance(1, TimeUnit.SECONDS);
        Object late = new Object();
        limiter.fail(late); // purges the ended windows
        assertTrue(limiter.blocked(late));
        for (Object k : keys) {
            assertFalse(limiter.blocked(k));
        }
    }

    @Test
    void seatsAreReservedUpToTheCapacityAndNoneOnceShut() {
        SeatCount seats = new SeatCount();
        assertTrue(seats.tryReserve(2));
        assertTrue(seats.tryReserve(2));
        assertFalse(seats.tryReserve(2), "full");
        assertEquals(2, seats.occupancy());
        assertFalse(seats.shutIfEmpty(), "seats are taken");
        seats.release();
        seats.release();
        seats.release(); // one too many: stays at 0
        assertEquals(0, seats.occupancy());
        assertTrue(seats.tryReserve(1));
        seats.release();
        assertTrue(seats.shutIfEmpty());
        assertFalse(seats.tryReserve(8), "shut");
        seats.release();
        assertEquals(0, seats.occupancy());
        assertFalse(seats.tryReserve(8), "a release does not reopen it");

        SeatCount busy = new SeatCount();
        busy.tryReserve(4);
        busy.shut();
        assertEquals(0, busy.occupancy());
        assertFalse(busy.tryReserve(4));
    }

    @Test
    void anInputArrivesAtTheLastTickPlusTheFractionSinceAtMostTheNext() {
        ArrivalClock clock = new ArrivalClock(ticker, 20); // 50 ms a tick
        assertEquals(0.0, clock.arrivalTick(), "before the first tick");
        ticker.advanceMillis(1_000);
        clock.ran(7, ticker.nanoTime());
        assertEquals(7.0, clock.arrivalTick());
        ticker.advanceMillis(10);
        assertEquals(7.2, clock.arrivalTick(), 1e-9);
        ticker.advanceMillis(40);
        assertEquals(8.0, clock.arrivalTick(), 1e-9);
        ticker.advanceMillis(500);
        assertEquals(8.0, clock.arrivalTick(), 1e-9, "at most the next tick");
        clock.ran(0, ticker.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5)); // a mark ahead of the reader
        assertEquals(0.0, clock.arrivalTick(), 1e-9, "never before the tick");
    }

    @Test
    void commandsRunOnTheGameThreadAndFailWhenTheRoomCloses() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        CommandQueue q = new CommandQueue(closed::get);
        RawJson ok = new RawJson("{}");
        CompletableFuture<RawJson> a = q.submit(() -> ok);
        CompletableFuture<RawJson> b = q.submit(() -> {
            throw new ProtocolException(ErrorCode.NOT_HOST, "no");
        });
        CompletableFuture<RawJson> c = q.submit(() -> ok);
        assertFalse(a.isDone(), "queued until the game thread runs it");
        q.runAll();
        assertSame(ok, a.get());
        assertEquals(ErrorCode.NOT_HOST, failure(b), "a refused command fails alone");
        assertSame(ok, c.get());

        CompletableFuture<RawJson> pending = q.submit(() -> ok);
        q.failAll();
        assertEquals(ErrorCode.ROOM_NOT_FOUND, failure(pending));
        q.runAll(); // nothing left

        closed.set(true);
        assertEquals(ErrorCode.NOT_IN_ROOM, failure(q.submit(() -> ok)), "a closed room takes no command");
    }

    @Test
    void aCommandRacingTheCloseIsFailedNotLost() {
        AtomicBoolean closed = new AtomicBoolean();
        int[] asked = {0};
        CommandQueue q = new CommandQueue(() -> asked[0]++ > 0 || closed.get()); // closes between the two checks
        CompletableFuture<RawJson> f = q.submit(() -> new RawJson("{}"));
        assertEquals(ErrorCode.ROOM_NOT_FOUND, failure(f));
    }

    @Test
    void codesTokensAndIdsComeFromTheirAlphabets() {
        JoinCodes codes = new JoinCodes(new SecureRandom());
        Set<String> taken = new HashSet<>();
        String first = codes.newCode(taken::add);
        String second = codes.newCode(c -> !c.equals(first) && taken.add(c));
        assertNotEquals(first, second);
        for (String code : List.of(first, second)) {
            assertEquals(RequestDecoder.CODE_LENGTH, code.length());
            code.chars().forEach(ch -> assertTrue(RequestDecoder.CODE_ALPHABET.indexOf(ch) >= 0, code));
        }
        int[] tries = {0};
        codes.newCode(c -> ++tries[0] == 3);
        assertEquals(3, tries[0], "a code already claimed is drawn again");
        String token = codes.newSeatToken();
        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
        assertNotEquals(token, codes.newSeatToken());
        String id = codes.newRoomId();
        assertTrue(id.matches("[abcdefghijkmnpqrstuvwxyz23456789]{8}"), id);
        assertNotEquals(codes.newSeed(), codes.newSeed());
    }

    @Test
    void passwordsAreSaltedAndMatchOnlyThemselves() {
        Passwords.Hash h = Passwords.hash("hunter2");
        assertTrue(Passwords.matches(h, "hunter2"));
        assertFalse(Passwords.matches(h, "hunter3"));
        assertFalse(Passwords.matches(h, null));
        assertTrue(Passwords.matches(null, "anything"), "a room without a password");
        assertTrue(Passwords.matches(null, null));
        Passwords.Hash again = Passwords.hash("hunter2");
        assertFalse(java.util.Arrays.equals(h.salt(), again.salt()), "salted");
        assertFalse(java.util.Arrays.equals(h.hash(), again.hash()));
        assertEquals(32, h.hash().length);
        assertEquals("Hash[redacted]", h.toString());
    }
}
