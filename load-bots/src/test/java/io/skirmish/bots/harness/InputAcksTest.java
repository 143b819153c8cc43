package io.skirmish.bots.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputAcksTest {

    @Test
    void aSnapshotAcknowledgesEveryInputUpToItsSeq() {
        InputAcks acks = new InputAcks(8);
        acks.sent(1, 100);
        acks.sent(2, 200);
        acks.sent(3, 300);
        List<Long> delays = new ArrayList<>();
        acks.ackUpTo(2, 1000, delays::add);
        assertEquals(List.of(900L, 800L), delays);
        acks.ackUpTo(2, 2000, delays::add); // nothing new
        acks.ackUpTo(5, 3000, delays::add);
        assertEquals(List.of(900L, 800L, 2700L), delays);
    }

    @Test
    void whenFullTheOldestIsForgotten() {
        InputAcks acks = new InputAcks(2);
        acks.sent(1, 0);
        acks.sent(2, 0);
        acks.sent(3, 0);
        List<Long> delays = new ArrayList<>();
        acks.ackUpTo(3, 10, delays::add);
        assertEquals(2, delays.size());
    }

    @Test
    void clearForgetsEverything() {
        InputAcks acks = new InputAcks(4);
        acks.sent(1, 0);
        acks.clear();
        List<Long> delays = new ArrayList<>();
        acks.ackUpTo(1, 10, delays::add);
        assertEquals(List.of(), delays);
    }
}
