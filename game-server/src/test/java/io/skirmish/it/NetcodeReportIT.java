package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The netcode report (issue 12): {@code game-client-js/e2e/netcode.e2e.mjs} drives two Chromium
 * pages through the client's network simulator at 150 ms +- 20 ms for 165 s of scripted play
 * (flying, flying through 300 ms stalls, a fight with a page aiming exactly at the drawn target),
 * against a real server on a free port, records every frame, and fails unless own-ship response,
 * jumps, corrections, interpolation delay and the share of on-screen hits the server honoured meet
 * their bounds. The report is
 * written to {@code game-server/target/e2e/netcode/report.md} (and {@code report.json}).
 *
 * <p>The figures are frame and tick timings, so they are not judged (the test is skipped, saying
 * why) on a machine loaded past twice its cores, or when the server fell more than a second of
 * ticks behind during the run; the report is still written.
 */
class NetcodeReportIT {
    @RegisterExtension
    static final TestServer server = new TestServer();
    static final Path OUT = Path.of("target", "e2e", "netcode").toAbsolutePath();

    @Test
    void netcodeFeelsLocalAt150ms() throws Exception {
        // Frame timing on a machine loaded past twice its cores measures the machine: not judged.
        double load = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(load <= 2.0 * cores, "machine overloaded (load average " + load + " on " + cores + " cores): netcode figures not judged");
        String output = NodeScript.run(5, "e2e/netcode.e2e.mjs", "--url", server.url(""), "--out", OUT.toString());
        assertTrue(Files.readString(OUT.resolve("report.md")).contains("| bound |"), "the report is written");
        assumeFalse(output.contains("NOT JUDGED"), output);
        assertTrue(output.contains("PASS netcode e2e"), output);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return 0; // not Linux: judge
        }
    }
}
