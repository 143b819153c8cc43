/**
 * The network layer: the Socket.IO endpoint of the game protocol, HTTP routes and static files, and
 * the limits on connections, events and payloads. Decodes, validates and enqueues; never touches game state.
 */
package io.skirmish.net;
