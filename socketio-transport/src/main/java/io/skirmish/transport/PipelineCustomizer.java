package io.skirmish.transport;

import io.netty.channel.ChannelPipeline;

/**
 * Adds the host's own Netty handlers to every connection's pipeline, relative to the transport's
 * named handlers ({@link SocketIoServer#HTTP_ENCODER}, {@link SocketIoServer#ENGINE}): connection
 * caps, timeouts, strict HTTP, HTTP routes on the same port. Runs once per connection, after the
 * transport added its handlers.
 */
@FunctionalInterface
public interface PipelineCustomizer {
    void customize(ChannelPipeline pipeline);
}
