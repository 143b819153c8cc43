/** How bots play: a tiny per-tick Behaviour interface and a registry of behaviours by game id; no sockets, no stats. */
package io.skirmish.bots.behaviour;
