package io.skirmish.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses each player's inputs for a tick (game thread only).
 *
 * <ul>
 *   <li>Direct: a player whose inputs arrive evenly (measured per seat, {@link ArrivalJitter}) has
 *       every queued input applied on the first tick after it arrived, within the limits below. On
 *       loopback or a steady link nothing waits for an extra tick.
 *   <li>Jitter buffer, for a player whose inputs arrive unevenly: while a second input is queued,
 *       exactly one is applied, so the player still moves one step per tick as the others see it;
 *       a lone input is held one tick for a partner, then applied anyway.
 *   <li>Catch-up: a queue that stays deeper than two for {@link #DEEP_TICKS} ticks (after a
 *       stall) is drained down to one, at most {@code maxStepsPerTick} a tick.
 *   <li>Step bank: each applied input spends a step; the bank earns one step per tick and holds
 *       at most {@code stepBank} (a second by default). Over any stretch of time a player takes no
 *       more steps than ticks passed plus the bank, so sending faster never moves it faster.
 *   <li>A queue still longer than {@link #BACKLOG_LIMIT} is cut to its newest two: those inputs
 *       would only add latency.
 *   <li>Inputs decoded for a game the host has since replaced are dropped.
 * </ul>
 */
final class InputPacer {
    /** Queued inputs beyond this are latency, not jitter: the queue is cut back. */
    static final int BACKLOG_LIMIT = 8;
    /** Ticks a queue must stay deeper than two before it is caught up (shorter bursts are jitter). */
    static final int DEEP_TICKS = 3;

    private final RoomConfig cfg;
    private final RoomMetrics metrics;
    private final Map<Integer, List<Object>> stepInputs = new HashMap<>();

    InputPacer(RoomConfig cfg, RoomMetrics metrics) {
        this.cfg = cfg;
        this.metrics = metrics;
    }

    /** This tick's inputs per player id; the map is reused by the next call. */
    Map<Integer, List<Object>> collect(Collection<Seat> seats, GameSlot<?> current) {
        stepInputs.clear();
        for (Seat s : seats) {
            s.budget = Math.min(s.budget + 1, cfg.stepBank());
            int queued = s.inbox.size();
            int want;
            if (queued == 0) {
                s.held = 0;
                s.deep = 0;
                continue;
            } else if (!s.jitter.buffered()) {
                s.deep = 0;
                want = queued;
            } else if (queued == 1) {
                s.deep = 0;
                want = s.held++ >= 1 ? 1 : 0;
            } else {
                s.deep = queued > 2 ? s.deep + 1 : 0;
                want = s.deep >= DEEP_TICKS ? queued - 1 : 1;
            }
            want = Math.min(want, Math.min(s.budget, cfg.maxStepsPerTick()));
            if (want == 0) {
                continue;
            }
            s.held = 0;
            List<Object> list = new ArrayList<>(want);
            Seat.Queued in;
            int taken = 0;
            while (taken < want && (in = s.inbox.poll()) != null) {
                taken++;
                s.lastAppliedSeq = in.seq();
                s.jitter.arrived(in.arrivalTick());
                if (in.slot() == current) {
                    list.add(in.input());
                }
            }
            s.budget -= taken;
            if (!list.isEmpty()) {
                stepInputs.put(s.id, list);
            }
            if (s.inbox.size() > BACKLOG_LIMIT) {
                int dropped = 0;
                while (s.inbox.size() > 2 && s.inbox.poll() != null) {
                    dropped++;
                }
                s.inputsCut += dropped;
                metrics.inputsDropped("backlog", dropped);
            }
        }
        return stepInputs;
    }
}
