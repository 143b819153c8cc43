package io.skirmish.loop;

/**
 * Something a {@link GameLoop} ticks: a room. Both methods are called on the loop's thread.
 */
public interface Tickable {
    /** One tick of work. May throw: the loop then calls {@link #onTickFailure} and drops this tickable. */
    void tick();

    /** The tick threw. Called once; after it the loop never ticks this again. Must not throw. */
    void onTickFailure(Throwable error);
}
