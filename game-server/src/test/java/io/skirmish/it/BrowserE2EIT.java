package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser end-to-end scripts of {@code game-client-js/e2e}, run by Node with playwright-core
 * driving Debian's Chromium, against a real server on a free port that serves the bundled client
 * from its classpath (the jar built from game-client-js in this same build). Screenshots go to
 * {@code game-server/target/e2e/}. Without Chromium the scripts fail and say how to install it.
 */
class BrowserE2EIT {
    @RegisterExtension
    static final TestServer server = new TestServer();
    static final Path OUT = Path.of("target", "e2e").toAbsolutePath();

    static void runScript(String script, String outDir) throws Exception {
        String output = NodeScript.run("e2e/" + script, "--url", server.url(""), "--out", OUT.resolve(outDir).toString());
        assertTrue(output.contains("PASS"), output);
    }

    @Test
    void invitedFriendSeesTheHostMove() throws Exception {
        runScript("invite.e2e.mjs", "invite");
        assertTrue(Files.size(OUT.resolve("invite/A.png")) > 10_000, "screenshot of page A");
        assertTrue(Files.size(OUT.resolve("invite/B.png")) > 10_000, "screenshot of page B");
    }

    @Test
    void theHostKicksAnInvitedFriend() throws Exception {
        runScript("kick.e2e.mjs", "kick");
        assertTrue(Files.size(OUT.resolve("kick/B.png")) > 10_000, "screenshot of the kicked page");
    }

    @Test
    void quickPlayClickedBeforeThePageConnectedPlaysOnceItDoes() throws Exception {
        runScript("early.e2e.mjs", "early");
    }

    @Test
    void chromiumPlaysARoundOfTag() throws Exception {
        runScript("tag.e2e.mjs", "tag");
        assertTrue(Files.size(OUT.resolve("tag/A.png")) > 10_000, "screenshot of the host's page");
    }
}
