package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team findings 1 and 8 in a real Chromium (playwright-core, Debian's chromium): a page of
 * another origin cannot open a session, with or without an empty or bare {@code sid}, on either
 * transport; and the client page is served with a strict Content-Security-Policy and frame
 * protection and still plays, with no CSP violation.
 */
class BrowserSecurityIT {
    @RegisterExtension
    static final TestServer server = new TestServer();
    static final Path OUT = Path.of("target", "e2e").toAbsolutePath();

    @Test
    void aPageOfAnotherOriginIsRefusedWhateverTheSid() throws Exception {
        double before = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total", "reason=\"origin\"");
        String output = NodeScript.run("e2e/crossorigin.e2e.mjs", "--url", server.url(""),
                "--out", OUT.resolve("crossorigin").toString());
        assertTrue(output.contains("PASS"), output);
        double after = PromMetrics.scrape(server.port).sum("skirmish_handshakes_refused_total", "reason=\"origin\"");
        // Three WebSockets and three polling GETs (no sid, empty sid, bare sid), all refused for their origin.
        assertEquals(before + 6, after, output);
        assertEquals(0, server.server.connections(), "no session from the other origin");
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }

    @Test
    void theClientPlaysUnderAStrictContentSecurityPolicy() throws Exception {
        String output = NodeScript.run("e2e/csp.e2e.mjs", "--url", server.url(""), "--out", OUT.resolve("csp").toString());
        assertTrue(output.contains("PASS"), output);
    }
}
