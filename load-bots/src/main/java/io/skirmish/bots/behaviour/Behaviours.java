package io.skirmish.bots.behaviour;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Which behaviours each game has, by the game id a join answer carries. A game plugs its bots in
 * with one {@link #register} call per behaviour (see {@code load-bots/README.md}); the first
 * registered for a game is its default, used when {@code --behaviour} names one the game lacks.
 */
public final class Behaviours {
    /** The game a server that names none plays (the arena shooter). */
    public static final String DEFAULT_GAME = "arena";

    private static final Map<String, Map<String, Function<RandomGenerator, Behaviour>>> BY_GAME =
            new ConcurrentHashMap<>();
    private static final Map<String, String> DEFAULTS = new ConcurrentHashMap<>();

    static {
        for (BehaviourKind kind : new BehaviourKind[] {BehaviourKind.FIGHT, BehaviourKind.WANDER, BehaviourKind.IDLE}) {
            register(DEFAULT_GAME, kind.toString(), kind::create);
        }
        // Tag: runners move in world axes like ships; "it" chases the nearest, the others flee it.
        register("tag", "chase", Chase::new);
        register("tag", BehaviourKind.WANDER.toString(), BehaviourKind.WANDER::create);
        register("tag", BehaviourKind.IDLE.toString(), BehaviourKind.IDLE::create);
    }

    private Behaviours() {}

    /** Adds {@code name} to {@code game}'s behaviours; the game's first one is its default. */
    public static void register(String game, String name, Function<RandomGenerator, Behaviour> factory) {
        BY_GAME.computeIfAbsent(game, g -> new ConcurrentHashMap<>()).put(name, factory);
        DEFAULTS.putIfAbsent(game, name);
    }

    /** Every behaviour name of every game, for checking {@code --behaviour}. */
    public static Set<String> names() {
        Set<String> all = new TreeSet<>();
        BY_GAME.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    /**
     * A new behaviour for one bot of {@code game} (null: {@link #DEFAULT_GAME}): the one named, else
     * the game's default; a game without bots of its own gets {@code idle}, which still sends one
     * input per tick so that acknowledgements are measured.
     */
    public static Behaviour create(String game, String name, RandomGenerator rng) {
        Map<String, Function<RandomGenerator, Behaviour>> own = BY_GAME.get(game == null ? DEFAULT_GAME : game);
        if (own == null) {
            return new Idle();
        }
        Function<RandomGenerator, Behaviour> f = own.get(name);
        return (f != null ? f : own.get(DEFAULTS.get(game == null ? DEFAULT_GAME : game))).apply(rng);
    }
}
