package io.skirmish.arena;

import io.skirmish.game.InputDecoder;
import io.skirmish.protocol.Fields;

/**
 * One validated input of an arena player: one movement step. {@code moveX}/{@code moveY} are a
 * direction in world axes (+x right, +y down) of length at most 1; {@code aim} is the facing in radians.
 */
public record PlayerInput(int seq, double moveX, double moveY, double aim, boolean fire) {
    public static final PlayerInput IDLE = new PlayerInput(0, 0, 0, 0, false);

    /**
     * The arena's input schema: {@code {seq, moveX, moveY, aim, fire}}. Axes must be in [-1, 1] and
     * are scaled to at most unit length; any finite aim is accepted and wrapped to (-pi, pi].
     */
    public static final InputDecoder<PlayerInput> DECODER = (seq, f) -> decode(seq, f);

    static PlayerInput decode(int seq, Fields f) {
        double mx = f.number("moveX", -1, 1);
        double my = f.number("moveY", -1, 1);
        double len = Math.sqrt(mx * mx + my * my);
        if (len > 1) {
            mx /= len;
            my /= len;
        }
        // Bound aim so later trigonometry stays accurate; any finite angle is accepted and wrapped.
        double aim = Math.IEEEremainder(f.number("aim", -1e6, 1e6), 2 * Math.PI);
        return new PlayerInput(seq, mx, my, aim, f.bool("fire"));
    }
}
