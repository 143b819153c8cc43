/**
 * The game SPI: what a game implements ({@link io.skirmish.game.Game}), what it may do inside its room
 * ({@link io.skirmish.game.GameContext}), its input schema, events and snapshot part, and the catalog of
 * games by id. Game code depends on this package and {@code protocol} only: never on rooms, the network or Netty.
 */
package io.skirmish.game;
