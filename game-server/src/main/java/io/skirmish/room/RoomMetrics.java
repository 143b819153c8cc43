package io.skirmish.room;

/**
 * What rooms report for monitoring. Called on game threads; implementations must be thread-safe and cheap.
 */
public interface RoomMetrics {
    /** One room tick took this long. */
    default void roomTick(String roomId, long nanos) {}

    /** One snapshot was encoded: its size in characters and how long encoding took. */
    default void snapshotEncoded(int bytes, long nanos) {}

    /** A snapshot to one client was skipped because it was not keeping up. */
    default void snapshotSkipped() {}

    /** A room event: {@code created}, {@code disposed}, {@code failed}. */
    default void roomLifecycle(String event) {}

    /** A room kept overrunning its tick budget and its snapshot rate was lowered. */
    default void roomOverloaded() {}

    /** Inputs dropped on the game thread ({@code backlog}: a queue that kept growing was cut). */
    default void inputsDropped(String reason, int count) {}

    RoomMetrics NONE = new RoomMetrics() {};
}
