package io.skirmish.bots.behaviour;

import java.util.Locale;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** The behaviours {@code --behaviour} names. */
public enum BehaviourKind {
    /** Flies to random points of the arena, never fires. */
    WANDER(Wander::new),
    /** Hunts the nearest living enemy: aims at it, keeps a distance, strafes and fires; wanders when alone. */
    FIGHT(Fight::new),
    /** Stands still, but still sends one input per tick, so its input acknowledgements are measured too. */
    IDLE(rng -> new Idle());

    private final Function<RandomGenerator, Behaviour> factory;

    BehaviourKind(Function<RandomGenerator, Behaviour> factory) {
        this.factory = factory;
    }

    /** The name on the command line and in reports. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A new instance for one bot, drawing its random choices from {@code rng}. */
    public Behaviour create(RandomGenerator rng) {
        return factory.apply(rng);
    }
}
