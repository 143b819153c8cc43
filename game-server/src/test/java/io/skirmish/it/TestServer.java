package io.skirmish.it;

import io.skirmish.server.ServerConfig;
import io.skirmish.server.SkirmishServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on 127.0.0.1 and a free port for a test class, as a JUnit extension:
 * {@code @RegisterExtension static final TestServer server = new TestServer();}. Clients made with
 * {@link #client} are closed after each test.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final UnaryOperator<ServerConfig> tweak;
    private final List<TestClient> clients = new CopyOnWriteArrayList<>();
    SkirmishServer server;
    int port;

    TestServer(UnaryOperator<ServerConfig> tweak) {
        this.tweak = tweak;
    }

    TestServer() {
        this(c -> c);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SkirmishServer.start(tweak.apply(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withGameThreads(2)));
        port = server.port();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(TestClient::close);
        clients.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** A connected WebSocket (or the given transports) client, closed after the test. */
    TestClient client(String... transports) throws Exception {
        TestClient c = TestClient.connect(port, transports);
        clients.add(c);
        return c;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
