package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The netcode report (issue 12): {@code game-client-js/e2e/netcode.e2e.mjs} drives two Chromium
 * pages through the client's network simulator at 150 ms +- 20 ms for two minutes of scripted play
 * (flying, flying through 300 ms stalls, a fight with a page aiming exactly at the drawn target),
 * against a real server on a free port, records every frame, and fails unless own-ship response,
 * jumps, corrections, interpolation delay and honoured hits meet their bounds. The report is
 * written to {@code game-server/target/e2e/netcode/report.md} (and {@code report.json}).
 */
class NetcodeReportIT {
    @RegisterExtension
    static final TestServer server = new TestServer();
    static final Path OUT = Path.of("target", "e2e", "netcode").toAbsolutePath();

    @Test
    void netcodeFeelsLocalAt150ms() throws Exception {
        String output = NodeScript.run(5, "e2e/netcode.e2e.mjs", "--url", server.url(""), "--out", OUT.toString());
        assertTrue(output.contains("PASS netcode e2e"), output);
        assertTrue(Files.readString(OUT.resolve("report.md")).contains("| bound |"), "the report is written");
    }
}
