package io.skirmish.bots.behaviour;

/**
 * How one bot plays: asked once per input tick for what to send. An instance belongs to one bot and
 * may keep state between ticks.
 *
 * <p><b>Threading:</b> called on the harness's single ticker thread, which drives every bot's ticks:
 * it must be quick and must never block. <b>Determinism:</b> all randomness comes from the generator
 * the instance was created with, which the harness seeds from {@code --seed} and the bot's index.
 */
public interface Behaviour {

    /** The input for this tick, given the latest snapshot. */
    Intent next(WorldView view);
}
