package io.skirmish.transport.engine;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A netty-socketio server (its namespaces, listeners, rooms and broadcasts) that runs the
 * {@link EngineChannelInitializer} pipeline and stops fast. netty-socketio's {@code stop()}
 * (measured: about 4 s) shuts its two event loop groups down one after the other with Netty's
 * default 2 s quiet period, and tells clients nothing; its groups are private, so this class makes
 * its own in {@link #startAsync()}. {@link #stop()} stops accepting, tells every client (close packet
 * or WebSocket close frame), closes the connections, and shuts both groups down at once with no
 * quiet period.
 *
 * <p>netty-socketio's constructor also creates its default {@code SocketIOChannelInitializer}, with
 * an ack timer, which is never started here and which nothing public can stop; it stays referenced
 * by this server (it is not replaced), so it is only collected with the server.
 */
public final class EngineServer extends SocketIOServer {
    private static final Logger log = LoggerFactory.getLogger(EngineServer.class);

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final EngineChannelInitializer initializer;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ChannelFuture bind;

    public EngineServer(Configuration configuration, EngineChannelInitializer initializer) {
        super(configuration);
        this.initializer = initializer;
    }

    /** Binds; the returned future is the bind's {@code ChannelFuture} (its channel tells the bound port). */
    @Override
    public Future<Void> startAsync() {
        Configuration cfg = getConfiguration();
        SocketTransport sockets = SocketTransport.choose();
        log.info("socket transport: {}", sockets.name().toLowerCase(java.util.Locale.ROOT));
        boss = sockets.group(cfg.getBossThreads(), new DefaultThreadFactory("skirmish-accept"));
        workers = sockets.group(cfg.getWorkerThreads(), new DefaultThreadFactory("skirmish-io"));
        initializer.start(cfg, name -> (Namespace) getNamespace(name));
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(sockets.serverChannel())
                .childHandler(initializer);
        applyConnectionOptions(b);
        InetSocketAddress addr = cfg.getHostname() == null ? new InetSocketAddress(cfg.getPort())
                : new InetSocketAddress(cfg.getHostname(), cfg.getPort());
        bind = b.bind(addr);
        return bind;
    }

    /** Live Engine.IO sessions (connected to a namespace or not). */
    public int sessions() {
        return initializer.sessions();
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (bind == null) {
            initializer.stop();
            return;
        }
        long begin = System.nanoTime();
        bind.channel().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        initializer.stop();
        Future<?> b = boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        Future<?> w = workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        b.awaitUninterruptibly(2, TimeUnit.SECONDS);
        w.awaitUninterruptibly(2, TimeUnit.SECONDS);
        log.debug("socket server stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }
}
