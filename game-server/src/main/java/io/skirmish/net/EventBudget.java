package io.skirmish.net;

import io.skirmish.loop.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * A per-connection token bucket on inbound messages, with a ladder for clients that keep pushing:
 * first excess messages are dropped; after {@code throttleAfter} drops within a window the client is
 * throttled (told once, and its rate halved until a window passes without drops); after
 * {@code disconnectAfter} drops within a window it is disconnected.
 *
 * <p>Thread-safe (a polling client's requests may arrive on different I/O threads).
 */
public final class EventBudget {
    public enum Verdict { ALLOW, DROP, THROTTLE, DISCONNECT }

    /**
     * @param perSecond sustained messages per second
     * @param burst bucket size
     * @param throttleAfter drops within a window before throttling
     * @param disconnectAfter drops within a window before disconnecting
     * @param windowMillis the window for counting drops
     */
    public record Limits(double perSecond, int burst, int throttleAfter, int disconnectAfter, long windowMillis) {
        public static Limits defaults() {
            return new Limits(60, 120, 30, 300, 5_000);
        }
    }

    private final Ticker ticker;
    private final Limits limits;
    private final long windowNanos;
    private double tokens;
    private long refilledAt;
    private long windowStart;
    private int drops;
    private boolean throttled;
    /** Messages dropped over the budget's whole life. */
    private long dropped;

    /**
     * The budget as the operator's console shows it.
     *
     * @param dropped messages dropped over the budget's life
     * @param label {@code ok}, {@code dropping} (dropping in the current window) or {@code throttled}
     */
    public record State(long dropped, String label) {}

    public EventBudget(Ticker ticker, Limits limits) {
        this.ticker = ticker;
        this.limits = limits;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(limits.windowMillis());
        this.tokens = limits.burst();
        this.refilledAt = ticker.nanoTime();
        this.windowStart = refilledAt;
    }

    /** Takes one token for {@code count} messages arriving together (a polling body may hold several). */
    public synchronized Verdict take(int count) {
        long now = ticker.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            if (drops == 0) {
                throttled = false; // a quiet window restores the full rate
            }
            drops = 0;
        }
        double rate = throttled ? limits.perSecond() / 2 : limits.perSecond();
        tokens = Math.min(limits.burst(), tokens + (now - refilledAt) * rate / 1e9);
        refilledAt = now;
        if (tokens >= count) {
            tokens -= count;
            return Verdict.ALLOW;
        }
        drops += count;
        dropped += count;
        if (drops >= limits.disconnectAfter()) {
            return Verdict.DISCONNECT;
        }
        if (!throttled && drops >= limits.throttleAfter()) {
            throttled = true;
            return Verdict.THROTTLE;
        }
        return Verdict.DROP;
    }

    public synchronized boolean throttled() {
        return throttled;
    }

    /**
     * The state as of now, without taking a token, as the next message would find it: dropping ends
     * with its window; throttling ends once {@link #take} has seen a window without drops.
     */
    public synchronized State state() {
        boolean windowOver = ticker.nanoTime() - windowStart >= windowNanos;
        boolean stillThrottled = throttled && !(windowOver && drops == 0);
        String label = stillThrottled ? "throttled" : drops > 0 && !windowOver ? "dropping" : "ok";
        return new State(dropped, label);
    }
}
