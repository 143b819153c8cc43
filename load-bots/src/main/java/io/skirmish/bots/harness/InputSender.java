package io.skirmish.bots.harness;

import io.skirmish.bots.behaviour.Behaviour;
import io.skirmish.bots.behaviour.Intent;
import io.skirmish.bots.behaviour.WorldView;
import io.skirmish.bots.net.Json;
import io.skirmish.bots.net.Wire;
import io.skirmish.protocol.Events;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A player's inputs: at the game's tick rate, on the run's shared ticker, asks its behaviour for the
 * next intent on the latest world and sends it straight onto the wire, remembering when for the ack.
 *
 * <p><b>Threading:</b> {@link #begin} and {@link #cancel} from any thread; the ticks on the ticker
 * read only volatile state and the synchronized {@link InputAcks}.
 */
final class InputSender {
    private final BotContext ctx;
    private final Wire wire;
    private final InputAcks acks;
    private final BooleanSupplier playing;
    private final Supplier<WorldView> view;
    private volatile Behaviour behaviour;
    private volatile ScheduledFuture<?> ticks;

    // Ticker-confined (the period is set before the ticks are scheduled, which publishes it).
    private long tickPeriodNanos;
    private int seq;
    private long lastInputNanos;

    InputSender(BotContext ctx, Wire wire, InputAcks acks, BooleanSupplier playing, Supplier<WorldView> view) {
        this.ctx = ctx;
        this.wire = wire;
        this.acks = acks;
        this.playing = playing;
        this.view = view;
    }

    /** Starts sending at {@code tickRate} with the behaviour {@code make} gives, the first time only. */
    void begin(Supplier<Behaviour> make, double tickRate) {
        if (ticks != null) {
            return;
        }
        behaviour = make.get();
        tickPeriodNanos = Math.round(1e9 / tickRate);
        ticks = ctx.ticker.scheduleAtFixedRate(this::tick, 0, tickPeriodNanos, TimeUnit.NANOSECONDS);
    }

    void cancel() {
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }

    /**
     * Sends this tick's input. A tick that comes less than half a period after the last one is the
     * scheduler catching up after a stall, and is skipped: a burst of inputs would stand in the
     * server's input queue (it applies one per tick) and delay every later input.
     */
    private void tick() {
        long now = System.nanoTime();
        Behaviour b = behaviour;
        if (!playing.getAsBoolean() || b == null || now - lastInputNanos < tickPeriodNanos / 2) {
            return;
        }
        lastInputNanos = now;
        try {
            Intent intent = b.next(view.get());
            int s = ++seq;
            if (wire.emit(Events.INPUT, Json.input(s, intent))) {
                acks.sent(s, now);
            }
        } catch (RuntimeException e) {
            ctx.errors.count("bot exception: " + e.getClass().getSimpleName());
        }
    }
}
