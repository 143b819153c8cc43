/** The Engine.IO v4 / Socket.IO v5 wire layer on Netty: framing, sessions, heartbeats, upgrade, backpressure. */
package io.skirmish.net.engine;
