package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Transport;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** WebSocket frames of a session: data frames go to the packet handler, control frames are answered. */
@ChannelHandler.Sharable
final class EngineWebSocketHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            try {
                EngineSession s = ctx.channel().attr(EngineSession.SESSION).get();
                if (s == null) {
                    ctx.close(); // a refused or closed upgrade
                    return;
                }
                ctx.pipeline().fireChannelRead(new EnginePayload(s, frame.content(), Transport.WEBSOCKET,
                        frame instanceof BinaryWebSocketFrame));
            } finally {
                frame.release();
            }
        } else if (msg instanceof CloseWebSocketFrame close) {
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
