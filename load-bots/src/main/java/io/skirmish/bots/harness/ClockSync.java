package io.skirmish.bots.harness;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;

/**
 * Estimates the server clock's offset from {@code time:sync} round trips, sampling like the browser
 * client ({@code game-client-js/src/net/clock.js}): after (re)connecting a burst of five samples
 * 50 ms apart, then one every 2 s, the last fifteen kept. A sample's error is bounded by half its
 * round trip, so the estimate is the offset of the lowest-RTT sample kept (the browser averages
 * the best three, for a steadier picture; a measuring tool wants the tightest bound). The steady
 * samples matter: right after connecting (cold JIT, a crowd connecting) round trips are long and
 * lopsided, and a burst alone can be off by tens of milliseconds.
 *
 * <p>Confined to one bot's lane.
 */
final class ClockSync {
    static final int BURST = 5;
    static final long BURST_GAP_MS = 50;
    static final long INTERVAL_MS = 2000;
    static final int WINDOW = 15;

    private record Sample(double rttMs, double offsetMs) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    private int burstLeft = BURST;
    private double offsetMs;

    /** After (re)connecting: sample in a burst again, keeping what was learnt. */
    void restartBurst() {
        burstLeft = BURST;
    }

    /** How long to wait before the next {@code time:sync}. */
    long nextDelayMs() {
        return burstLeft > 0 ? BURST_GAP_MS : INTERVAL_MS;
    }

    /**
     * @param sentMs local wall time the request left
     * @param receivedMs local wall time the answer arrived
     * @param serverTime the server's clock in the answer
     */
    void sample(double sentMs, double receivedMs, long serverTime) {
        double rtt = receivedMs - sentMs;
        if (!(rtt >= 0)) {
            return;
        }
        if (burstLeft > 0) {
            burstLeft--;
        }
        samples.addLast(new Sample(rtt, serverTime + rtt / 2 - receivedMs));
        if (samples.size() > WINDOW) {
            samples.removeFirst();
        }
        offsetMs = samples.stream().min(Comparator.comparingDouble(Sample::rttMs)).orElseThrow().offsetMs();
    }

    boolean known() {
        return !samples.isEmpty();
    }

    /** Converts a local wall time to the server's clock. */
    double toServerMs(double localMs) {
        return localMs + offsetMs;
    }
}
