package io.skirmish.arena;

import io.skirmish.game.InputDecoder;
import io.skirmish.protocol.Fields;

/**
 * One validated input of an arena player: one movement step. {@code moveX}/{@code moveY} are a
 * direction in world axes (+x right, +y down) of length at most 1; {@code aim} is the facing in radians;
 * {@code renderTick} the (fractional) snapshot tick the player was seeing, NaN if not sent;
 * {@code arrivalTick} when the input reached the server, in (fractional) room ticks (see
 * {@link InputDecoder#decode(int, Fields, double)}; stamped by the server, never by the client), -1 if
 * unknown. Both bound the lag compensation of its shot.
 */
public record PlayerInput(int seq, double moveX, double moveY, double aim, boolean fire, double renderTick,
                          double arrivalTick) {
    public static final PlayerInput IDLE = new PlayerInput(0, 0, 0, 0, false);

    /** An input without a render tick: its shots are not lag-compensated. */
    public PlayerInput(int seq, double moveX, double moveY, double aim, boolean fire) {
        this(seq, moveX, moveY, aim, fire, Double.NaN);
    }

    /** An input whose arrival is not known: its view is measured from the tick it is applied in. */
    public PlayerInput(int seq, double moveX, double moveY, double aim, boolean fire, double renderTick) {
        this(seq, moveX, moveY, aim, fire, renderTick, -1);
    }

    /**
     * The arena's input schema: {@code {seq, moveX, moveY, aim, fire, rt?}}. Axes must be in [-1, 1] and
     * are scaled to at most unit length; any finite aim is accepted and wrapped to (-pi, pi].
     */
    public static final InputDecoder<PlayerInput> DECODER = new InputDecoder<>() {
        @Override
        public PlayerInput decode(int seq, Fields f) {
            return PlayerInput.decode(seq, f, -1);
        }

        @Override
        public PlayerInput decode(int seq, Fields f, double arrivalTick) {
            return PlayerInput.decode(seq, f, arrivalTick);
        }
    };

    static PlayerInput decode(int seq, Fields f) {
        return decode(seq, f, -1);
    }

    static PlayerInput decode(int seq, Fields f, double arrivalTick) {
        double mx = f.number("moveX", -1, 1);
        double my = f.number("moveY", -1, 1);
        double len = Math.sqrt(mx * mx + my * my);
        if (len > 1) {
            mx /= len;
            my /= len;
        }
        // Bound aim so later trigonometry stays accurate; any finite angle is accepted and wrapped.
        double aim = Math.IEEEremainder(f.number("aim", -1e6, 1e6), 2 * Math.PI);
        // The tick the player was seeing (lag compensation); the rules clamp it to the rewind bound.
        double rt = f.has("rt") ? f.number("rt", 0, 1e15) : Double.NaN;
        return new PlayerInput(seq, mx, my, aim, f.bool("fire"), rt, arrivalTick);
    }
}
