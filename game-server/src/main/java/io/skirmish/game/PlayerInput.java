package io.skirmish.game;

/**
 * One validated input of a player: one movement step. {@code moveX}/{@code moveY} are a direction in
 * world axes (+x right, +y down) of length at most 1; {@code aim} is the facing in radians.
 */
public record PlayerInput(int seq, double moveX, double moveY, double aim, boolean fire) {
    public static final PlayerInput IDLE = new PlayerInput(0, 0, 0, 0, false);
}
