package io.skirmish.it;

import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.util.function.UnaryOperator;

/** Starts a real server on 127.0.0.1 and a free port for a test class. */
final class TestServer implements AutoCloseable {
    final SkirmishServer server;
    final int port;

    TestServer(UnaryOperator<ServerConfig> tweak) {
        server = SkirmishServer.start(tweak.apply(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withGameThreads(2)));
        port = server.port();
    }

    TestServer() {
        this(c -> c);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
