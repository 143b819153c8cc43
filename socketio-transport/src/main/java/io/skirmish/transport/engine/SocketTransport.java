package io.skirmish.transport.engine;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * Which of Netty's socket transports the server runs on: the native epoll one on Linux (measured
 * cheaper per delivered snapshot than NIO on the side-by-side bench, see the module's README), NIO
 * elsewhere, or where the system property {@code skirmish.transport=nio} asks for it (to compare).
 */
enum SocketTransport {
    EPOLL, NIO;

    /** Epoll when the native library loads here and NIO was not asked for. */
    static SocketTransport choose() {
        return !"nio".equals(System.getProperty("skirmish.transport")) && Epoll.isAvailable() ? EPOLL : NIO;
    }

    EventLoopGroup group(int threads, ThreadFactory factory) {
        return this == EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
