package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.it.NodeScript;
import io.skirmish.transport.conformance.ConformanceServer;
import org.junit.jupiter.api.Test;

/**
 * The official Node {@code socket.io-client} (4.8, from game-client-js's npm packages) against the
 * conformance server: binary both ways on WebSocket and polling, acks, namespaces, auth refusal,
 * unknown namespaces, nulls, upgrade and reconnect ({@code game-client-js/conformance/}).
 */
class NodeClientIT {
    @Test
    void theNodeClientPassesEveryCheck() throws Exception {
        try (ConformanceServer server = ConformanceServer.start("127.0.0.1", 0)) {
            String output = NodeScript.run("conformance/client.conformance.mjs",
                    "--url", "http://127.0.0.1:" + server.port());
            assertTrue(output.contains(" 0 failed"), output);
        }
    }
}
