package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.admin.AdminConfig;
import io.skirmish.recorder.RecorderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's console in Chromium (playwright-core, {@code game-client-js/e2e/admin.e2e.mjs})
 * against a real server: log in, find the player's room in the table, open it, see the player's
 * round trip and clean record, see a Tag room drawn by Tag's renderer, kick the player.
 * Screenshots go to {@code game-server/target/e2e/admin/}.
 */
class AdminBrowserE2EIT {
    static final String TOKEN = "browser-e2e-admin-token";

    @RegisterExtension
    static final TestServer server = new TestServer(c -> c.withNet(c.net().withHeartbeat(1_000, 20_000))
            .withAdmin(AdminConfig.defaults().withToken(TOKEN).withRecorder(RecorderConfig.defaults().withDir(null))));

    @Test
    void theConsoleListsRoomsAndAKickFromItRemovesThePlayer() throws Exception {
        Path out = Path.of("target", "e2e", "admin").toAbsolutePath();
        String output = NodeScript.run("e2e/admin.e2e.mjs", "--url", server.url(""), "--token", TOKEN, "--out",
                out.toString());
        assertTrue(output.contains("PASS admin e2e"), output);
        assertTrue(Files.size(out.resolve("console-room.png")) > 10_000, "screenshot of the room page");
        assertTrue(Files.size(out.resolve("console-room-tag.png")) > 10_000, "screenshot of a Tag room's page");
    }
}
