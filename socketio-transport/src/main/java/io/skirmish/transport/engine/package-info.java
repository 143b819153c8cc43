/**
 * The Engine.IO v4 / Socket.IO v5 wire layer on Netty: framing, sessions, heartbeats, upgrade,
 * backpressure. netty-socketio stays the server around it (namespaces, listeners, rooms, broadcasts,
 * acks); this package replaces its transports and its per-client handling. Internal to the module:
 * hosts use {@code io.skirmish.transport}.
 *
 * <p>The pipeline: {@link io.skirmish.transport.engine.EngineServer} and
 * {@link io.skirmish.transport.engine.EngineChannelInitializer} build it; {@code EngineHttpHandler} takes every
 * Engine.IO request (handshake, polling, WebSocket upgrade), {@code EngineWebSocketHandler} the frames,
 * {@code EnginePacketHandler} decodes Engine.IO framing ({@code EngineIoCodec}), {@code EngineEncoder}
 * writes what a session queued ({@code PacketWriter}), {@code EngineTail} answers what nothing took.
 * {@code Engine} holds the live sessions and what they share.
 *
 * <p>One session is {@link io.skirmish.transport.engine.EngineSession}, which coordinates its parts and ends
 * the session, once; each part is one concern:
 * <ul>
 *   <li>{@code SessionHead}: netty-socketio's {@code ClientHead} as namespaces, rooms and acks see it,
 *       with the parts this package replaces switched off;</li>
 *   <li>{@code HomeLoop}: the session's event loop, where inbound packets, timers and closing run in order;</li>
 *   <li>{@code Outbox}: the packets waiting for the client, one bounded queue for both transports;</li>
 *   <li>{@code Polling}: the waiting GET, the POST, poll answers, and how a polling session ends;</li>
 *   <li>{@code WebSocketTransport}: the session's WebSocket, its buffer, and how it ends;</li>
 *   <li>{@code WebSocketUpgrade}: the probe that moves a polling session to WebSocket;</li>
 *   <li>{@code Heartbeat}: ping after each pong, the end when a pong is late; it measures the
 *       {@code RoundTrip} that the operator's console shows;</li>
 *   <li>{@code SocketIoDemux}: Socket.IO packets ({@code SocketIoDecoder}) to the socket of their
 *       namespace ({@code EngineNamespaceClient}, created once CONNECT passed the auth listeners, which
 *       see a {@code PendingClient}); events, acks, disconnects and the connect timeout.</li>
 * </ul>
 * {@link io.skirmish.transport.engine.CloseReason} says why a session ended; {@code Backpressure}
 * sends what a slow client may miss, and {@code SharedPacket} encodes once a snapshot that every
 * member of a room receives: its text for poll answers and, on RFC 6455 WebSockets, its whole frame
 * ({@code WireFrame}), one pooled buffer written to every member as a retained duplicate.
 */
package io.skirmish.transport.engine;
