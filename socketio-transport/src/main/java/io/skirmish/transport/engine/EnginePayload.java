package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;

/**
 * What a transport received from a client (a WebSocket frame or a polling body), on its way to the
 * packet handler. Still a netty-socketio {@code PacketsMessage}, so handlers placed before
 * {@code PACKET_HANDLER} see every inbound payload as before; it also says whether a WebSocket frame was
 * binary, which Engine.IO v4 needs (a binary frame is an attachment, whatever its first byte). The
 * transport owns the buffer and releases it after the pipeline call returns.
 */
final class EnginePayload extends PacketsMessage {
    private final boolean binary;

    EnginePayload(ClientHead client, ByteBuf content, Transport transport, boolean binary) {
        super(client, content, transport);
        this.binary = binary;
    }

    boolean binary() {
        return binary;
    }
}
