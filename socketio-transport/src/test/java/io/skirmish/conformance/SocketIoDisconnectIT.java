package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Leaving namespaces (official suite: "Socket.IO protocol / disconnect"). netty-socketio, after
 * {@code 41}, stopped pinging but left the WebSocket open: a dead session that never went away.
 */
class SocketIoDisconnectIT extends ConformanceBase {

    @Test
    void leavingTheMainNamespaceKeepsTheEngineIoSessionAndItsHeartbeat() {
        Ws w = track(Ws.connected(port, false));
        w.send("41");
        assertEquals("2", w.text(), "nothing but the next ping");
        w.send("3");
        assertEquals("2", w.text(), "and the heartbeat goes on");
    }

    @Test
    void afterLeavingTheClientCanConnectAgainButNotEmit() {
        Ws w = connected();
        w.send("41");
        w.send("40");
        String again = w.text();
        assertTrue(again.startsWith("40{"), again);
        assertEquals("42[\"auth\",{}]", w.text());
        w.send("41");
        w.send("42[\"message\",\"after leaving\"]");
        w.awaitClosed();
    }

    @Test
    void connectingThenLeavingACustomNamespaceLeavesTheMainOneAlone() {
        Ws w = connected();
        w.send("40/custom");
        String ok = w.text();
        assertTrue(ok.startsWith("40/custom,{\"sid\":"), ok);
        assertEquals("42/custom,[\"auth\",{}]", w.text());
        w.send("41/custom");
        w.send("42[\"message\",\"message to main namespace\"]");
        assertEquals("42[\"message-back\",\"message to main namespace\"]", w.text());
    }

    @Test
    void eachNamespaceConnectionGetsItsOwnSocketId() {
        Ws w = wsPonging();
        w.send("40");
        String main = w.text();
        w.text(); // auth
        w.send("40/custom,");
        String custom = w.text();
        assertNotEquals(main.substring(2), custom.substring("40/custom,".length()));
    }
}
