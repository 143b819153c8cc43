package io.skirmish;

import io.skirmish.transport.conformance.ConformanceServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar game-server.jar conformance [--host H] [--port P]}: the reference server of the
 * official Socket.IO protocol test suite, on the game server's Socket.IO stack, so that anyone can run
 * the suite against it (see {@link ConformanceServer}).
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serve the reference behaviour of the official Socket.IO protocol test suite "
                + "(socketio/socket.io-protocol, test-suite/) on this server's Socket.IO stack.")
final class ConformanceCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind.")
    String host;

    @Option(names = "--port", defaultValue = "3000", description = "Port to bind; 0 picks a free port (the log says which).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        ConformanceServer server = ConformanceServer.start(host, port);
        Main.awaitTermination(server::close);
        return 0;
    }
}
