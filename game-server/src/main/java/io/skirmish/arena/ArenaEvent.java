package io.skirmish.arena;

/** What happened in a step, for clients to show (hit flashes, kill feed). */
public sealed interface ArenaEvent {
    /** {@code shot} is the id of the shot that hit, as in snapshots. */
    record Hit(int target, int attacker, int damage, int hp, double x, double y, int shot) implements ArenaEvent {}

    record Kill(int victim, int killer) implements ArenaEvent {}

    record Respawn(int player, double x, double y) implements ArenaEvent {}
}
