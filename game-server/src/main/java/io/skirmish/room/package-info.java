/**
 * Rooms: seats, spectators, join codes, the round cycle, input pacing and snapshot fan-out around the
 * {@link io.skirmish.game.Game} each room runs. Knows connections only as {@link
 * io.skirmish.room.Connection}; never imports the network layer.
 */
package io.skirmish.room;
