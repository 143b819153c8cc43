package io.skirmish.bots.behaviour;

/** Stands still where it spawned, keeping its ship's facing. */
final class Idle implements Behaviour {
    @Override
    public Intent next(WorldView view) {
        return Intent.idle(view.self() == null ? 0 : view.self().a());
    }
}
