package io.skirmish.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native epoll transport on Linux x86_64 (its library ships in the module), NIO when asked for. */
class SocketTransportTest {
    @AfterEach
    void clear() {
        System.clearProperty("skirmish.transport");
    }

    @Test
    void epollOnLinuxX8664() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        if (linuxX64) {
            assertTrue(Epoll.isAvailable(), "the native library loads: " + Epoll.unavailabilityCause());
        }
        assertEquals(Epoll.isAvailable() ? SocketTransport.EPOLL : SocketTransport.NIO, SocketTransport.choose());
    }

    @Test
    void nioWhenAskedFor() {
        System.setProperty("skirmish.transport", "nio");
        assertEquals(SocketTransport.NIO, SocketTransport.choose());
    }

    @Test
    void eachTransportMakesItsOwnLoopsAndServerChannel() throws Exception {
        assertEquals(NioServerSocketChannel.class, SocketTransport.NIO.serverChannel());
        assertEquals(EpollServerSocketChannel.class, SocketTransport.EPOLL.serverChannel());
        EventLoopGroup nio = SocketTransport.NIO.group(1, new DefaultThreadFactory("test-nio"));
        assertInstanceOf(NioEventLoopGroup.class, nio);
        nio.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
        if (Epoll.isAvailable()) {
            EventLoopGroup epoll = SocketTransport.EPOLL.group(1, new DefaultThreadFactory("test-epoll"));
            assertInstanceOf(EpollEventLoopGroup.class, epoll);
            epoll.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }
}
