/** Wires a running server together: game threads, rooms, the game catalog, HTTP routes and shutdown. */
package io.skirmish.server;
