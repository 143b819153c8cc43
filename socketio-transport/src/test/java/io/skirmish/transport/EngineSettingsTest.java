package io.skirmish.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The transport's settings: Node's defaults, the withers, and every bound the constructor enforces. */
class EngineSettingsTest {

    @Test
    void defaultsAreNodesAndWithersChangeOneThing() {
        EngineSettings s = EngineSettings.of(25_000, 20_000, 1_000_000);
        assertEquals(25_000, s.pingIntervalMs());
        assertEquals(20_000, s.pingTimeoutMs());
        assertEquals(1_000_000, s.maxPayload());
        assertEquals(45_000, s.connectTimeoutMs());
        assertEquals(10_000, s.upgradeTimeoutMs());
        assertEquals(32, s.maxQueuedPackets());
        assertEquals(2_048, s.maxBacklogPackets());
        assertEquals(4L * 1024 * 1024, s.maxBacklogBytes());
        assertNull(s.corsOrigin());
        assertEquals(new EngineSettings(25_000, 20_000, 1_000_000, 1_000, 10_000, 32, 2_048, 4L * 1024 * 1024, null),
                s.withConnectTimeout(1_000));
        assertEquals(new EngineSettings(25_000, 20_000, 1_000_000, 45_000, 10_000, 4, 10, 99, null),
                s.withOutboundLimits(4, 10, 99));
        assertEquals(new EngineSettings(25_000, 20_000, 1_000_000, 45_000, 10_000, 32, 2_048, 4L * 1024 * 1024, "*"),
                s.withCorsOrigin("*"));
    }

    @Test
    void everyTimeoutAndLimitMustBePositiveAndTheBoundsOrdered() {
        assertDoesNotThrow(() -> new EngineSettings(1, 1, 1, 1, 1, 1, 1, 1, null), "the smallest valid settings");
        int[][] bad = {{0, 1, 1, 1, 1}, {1, 0, 1, 1, 1}, {1, 1, 0, 1, 1}, {1, 1, 1, 0, 1}, {1, 1, 1, 1, 0}};
        for (int[] b : bad) {
            assertThrows(IllegalArgumentException.class, () -> new EngineSettings(b[0], b[1], b[2], b[3], b[4], 1, 1, 1, null));
        }
        assertThrows(IllegalArgumentException.class, () -> new EngineSettings(1, 1, 1, 1, 1, 0, 1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new EngineSettings(1, 1, 1, 1, 1, 2, 1, 1, null),
                "the hard bound below the soft one");
        assertDoesNotThrow(() -> new EngineSettings(1, 1, 1, 1, 1, 2, 2, 1, null), "equal bounds");
        assertThrows(IllegalArgumentException.class, () -> new EngineSettings(1, 1, 1, 1, 1, 1, 1, 0, null));
    }
}
