/**
 * Cluster mode ({@code --redis}): many nodes share one directory of rooms in Redis, so a join code,
 * quick play and {@code /api/rooms} work across nodes, and a request for a room on another node is
 * answered with where to go ({@code MOVED}). Everything here talks to Redis asynchronously (Lettuce)
 * on its own threads; game threads never wait for Redis, and without Redis running rooms go on.
 *
 * <p>Enters the rest of the server only through small interfaces: {@link io.skirmish.net.RequestRouter}
 * (where a request is served) and {@link io.skirmish.room.CodeSource} (cluster-wide join codes).
 */
package io.skirmish.cluster;
