package io.skirmish.transport;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's {@code ExceptionListener}: netty-socketio logs client mistakes as errors with stack
 * traces and payloads, so a hostile client could flood the log. One line each, without the payload.
 */
final class ListenerErrors implements ExceptionListener {
    private static final Logger log = LoggerFactory.getLogger(SocketIoServer.class);

    private final EventErrors errors;

    ListenerErrors(EventErrors errors) {
        this.errors = errors;
    }

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        errors.eventFailed(client.getSessionId(), e);
        log.warn("event handler failed for client {}: {}", client.getSessionId(), e.toString());
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        log.debug("disconnect handler failed: {}", e.toString());
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        log.warn("connect handler failed: {}", e.toString());
    }

    @Override
    @Deprecated // required by the interface; netty-socketio no longer calls it
    public void onPingException(Exception e, SocketIOClient client) {
        log.debug("ping handler failed: {}", e.toString());
    }

    @Override
    public void onPongException(Exception e, SocketIOClient client) {
        log.debug("pong handler failed: {}", e.toString());
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        log.debug("channel error from {}: {}", ctx.channel().remoteAddress(), e.toString());
        ctx.close();
        return true;
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        log.warn("auth failed: {}", e.toString());
    }
}
