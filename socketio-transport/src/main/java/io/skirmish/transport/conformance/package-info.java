/** A server that speaks only the transport, for the official Socket.IO conformance suite. */
package io.skirmish.transport.conformance;
