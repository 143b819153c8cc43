package io.skirmish.room;

import java.time.Duration;

/**
 * Server-wide settings of rooms.
 *
 * @param tickRate simulation ticks per second
 * @param snapshotRate snapshots per second (at most the tick rate)
 * @param defaultCapacity seats in a public room, and the default of private ones
 * @param roundLength default round length
 * @param roundOver how long the scoreboard shows between rounds
 * @param countdown the countdown before a private round
 * @param seatGrace how long a dropped player's seat is kept for a rejoin
 * @param emptyRoomGrace how long an empty room lives before it is disposed
 * @param inputQueue bounded inputs waiting per player
 * @param maxStepsPerTick the most inputs applied for one player in one tick (catching up after a stall)
 * @param spectatorDelay how far behind live play spectators see
 * @param stepBank the most steps a player can have in hand: one is earned per tick, one spent per input
 */
public record RoomConfig(int tickRate, int snapshotRate, int defaultCapacity, Duration roundLength,
                         Duration roundOver, Duration countdown, Duration seatGrace, Duration emptyRoomGrace,
                         int inputQueue, int maxStepsPerTick, Duration spectatorDelay, int stepBank) {

    public RoomConfig {
        if (tickRate < 1 || tickRate > 240) throw new IllegalArgumentException("tick rate must be 1..240");
        if (snapshotRate < 1 || snapshotRate > tickRate) {
            throw new IllegalArgumentException("snapshot rate must be 1..tick rate");
        }
        if (defaultCapacity < 2 || defaultCapacity > 16) throw new IllegalArgumentException("capacity must be 2..16");
        if (inputQueue < 1 || maxStepsPerTick < 1 || stepBank < maxStepsPerTick) {
            throw new IllegalArgumentException("input limits must be positive, and the bank at least a tick's steps");
        }
    }

    public static RoomConfig defaults() {
        return new RoomConfig(30, 30, 8, Duration.ofMinutes(3), Duration.ofSeconds(8), Duration.ofSeconds(3),
                Duration.ofSeconds(20), Duration.ofSeconds(30), 32, 4, Duration.ofSeconds(2), 30);
    }

    public int ticks(Duration d) {
        return (int) Math.max(1, d.toMillis() * tickRate / 1000);
    }

    public RoomConfig withTickRate(int tickRate, int snapshotRate) {
        return new RoomConfig(tickRate, snapshotRate, defaultCapacity, roundLength, roundOver, countdown, seatGrace,
                emptyRoomGrace, inputQueue, maxStepsPerTick, spectatorDelay, Math.max(tickRate, maxStepsPerTick));
    }

    public RoomConfig withRoundLength(Duration d) {
        return new RoomConfig(tickRate, snapshotRate, defaultCapacity, d, roundOver, countdown, seatGrace,
                emptyRoomGrace, inputQueue, maxStepsPerTick, spectatorDelay, stepBank);
    }

    public RoomConfig withSeatGrace(Duration d) {
        return new RoomConfig(tickRate, snapshotRate, defaultCapacity, roundLength, roundOver, countdown, d,
                emptyRoomGrace, inputQueue, maxStepsPerTick, spectatorDelay, stepBank);
    }

    public RoomConfig withEmptyRoomGrace(Duration d) {
        return new RoomConfig(tickRate, snapshotRate, defaultCapacity, roundLength, roundOver, countdown, seatGrace,
                d, inputQueue, maxStepsPerTick, spectatorDelay, stepBank);
    }

    public RoomConfig withDefaultCapacity(int capacity) {
        return new RoomConfig(tickRate, snapshotRate, capacity, roundLength, roundOver, countdown, seatGrace,
                emptyRoomGrace, inputQueue, maxStepsPerTick, spectatorDelay, stepBank);
    }

    public RoomConfig withSpectatorDelay(Duration d) {
        return new RoomConfig(tickRate, snapshotRate, defaultCapacity, roundLength, roundOver, countdown, seatGrace,
                emptyRoomGrace, inputQueue, maxStepsPerTick, d, stepBank);
    }
}
