package io.skirmish.room;

/**
 * One player's input arrival jitter, and from it whether that player needs a jitter buffer (game
 * thread only).
 *
 * <p>A client sends one input per tick, so consecutive inputs should arrive one tick apart. The
 * estimate is the mean deviation from that, smoothed as RTP's interarrival jitter is (RFC 3550,
 * section 6.4.1: {@code J += (|D| - J) / 16}), in ticks. While it is above {@link #BUFFER_ABOVE} a
 * lone input is held a tick for a partner (see {@link InputPacer}); once it has fallen below
 * {@link #DIRECT_BELOW} every queued input is applied on the first tick after it arrived. The gap
 * between the two keeps a client near the line from switching every tick.
 *
 * <p>A new seat starts {@link #INITIAL} (buffered) and proves itself steady: on loopback about 20
 * inputs, two thirds of a second.
 */
final class ArrivalJitter {
    /** Above this many ticks of jitter the seat is buffered. */
    static final double BUFFER_ABOVE = 0.25;
    /** Below this many ticks of jitter the seat is applied directly. */
    static final double DIRECT_BELOW = 0.15;
    /** The estimate a new seat starts from: jittery until its inputs show otherwise. */
    static final double INITIAL = 0.5;
    private static final double GAIN = 1.0 / 16;

    private double jitter = INITIAL;
    private double lastArrival = Double.NaN;
    private boolean buffered = true;

    /** An input that arrived at {@code arrivalTick} (fractional ticks) was taken from the queue. */
    void arrived(double arrivalTick) {
        if (!Double.isNaN(lastArrival)) {
            double deviation = Math.abs(arrivalTick - lastArrival - 1.0);
            jitter += (deviation - jitter) * GAIN;
            if (buffered && jitter < DIRECT_BELOW) {
                buffered = false;
            } else if (!buffered && jitter > BUFFER_ABOVE) {
                buffered = true;
            }
        }
        lastArrival = arrivalTick;
    }

    /** Whether a lone input waits a tick for a partner. */
    boolean buffered() {
        return buffered;
    }

    /** The smoothed jitter, in ticks. */
    double ticks() {
        return jitter;
    }
}
