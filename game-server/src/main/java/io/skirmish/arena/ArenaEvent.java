package io.skirmish.arena;

/** What happened in a step, for clients to show (hit flashes, kill feed). */
public sealed interface ArenaEvent {
    record Hit(int target, int attacker, int damage, int hp, double x, double y) implements ArenaEvent {}

    record Kill(int victim, int killer) implements ArenaEvent {}

    record Respawn(int player, double x, double y) implements ArenaEvent {}
}
