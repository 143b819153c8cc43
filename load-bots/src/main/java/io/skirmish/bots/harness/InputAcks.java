package io.skirmish.bots.harness;

import java.util.function.LongConsumer;

/**
 * The inputs sent but not yet acknowledged, oldest first, as a bounded ring of (seq, send time).
 * An input is acknowledged by the first snapshot whose own {@code seq} reaches it. Written by the
 * ticker (sends) and the bot's lane (acks), hence synchronized.
 */
final class InputAcks {
    private final int[] seqs;
    private final long[] sentNanos;
    private int head;
    private int size;

    InputAcks(int capacity) {
        seqs = new int[capacity];
        sentNanos = new long[capacity];
    }

    /** Remembers an input; when full, forgets the oldest (an input that old is not waiting for an ack). */
    synchronized void sent(int seq, long nanos) {
        if (size == seqs.length) {
            head = (head + 1) % seqs.length;
            size--;
        }
        int tail = (head + size) % seqs.length;
        seqs[tail] = seq;
        sentNanos[tail] = nanos;
        size++;
    }

    /** Acknowledges every input up to {@code seq}, passing each one's delay to {@code delayNanos}. */
    synchronized void ackUpTo(long seq, long nowNanos, LongConsumer delayNanos) {
        while (size > 0 && seqs[head] <= seq) {
            delayNanos.accept(nowNanos - sentNanos[head]);
            head = (head + 1) % seqs.length;
            size--;
        }
    }

    /** Forgets every pending input (after a dropped connection they will never be applied). */
    synchronized void clear() {
        size = 0;
    }
}
