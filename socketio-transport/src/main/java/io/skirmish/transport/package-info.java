/**
 * The transport's API: all that a host (the game server) uses of Socket.IO. A
 * {@link io.skirmish.transport.SocketIoServer} is built with its
 * {@link io.skirmish.transport.EngineSettings}, a {@link io.skirmish.transport.SessionGate} for new
 * sessions, an {@link io.skirmish.transport.InboundGuard} for inbound payloads and a
 * {@link io.skirmish.transport.PipelineCustomizer} for the host's own Netty handlers; its
 * {@link io.skirmish.transport.Namespace}s take connect checks, connect and disconnect listeners and
 * event handlers (with {@link io.skirmish.transport.Ack}s); a {@link io.skirmish.transport.Socket} is
 * one client on one namespace: emit, volatile emit (snapshots), rooms, disconnect, round trip.
 * Payloads are {@link io.skirmish.transport.Json} text or plain values.
 *
 * <p>No type of netty-socketio appears here; {@code io.skirmish.transport.engine} is internal.
 */
package io.skirmish.transport;
