package io.skirmish.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line without a server: help and usage errors only. */
class LoadBotsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--url", "--bots", "--ramp", "--duration", "--room", "--behaviour",
                "--seed", "--out", "--spectators", "--password", "--max-p99-age-ms", "--max-p99-input-ms",
                "--min-snapshot-rate", "--max-errors", "--warmup", "--html", "--processes", "--shard", "--find-capacity",
                "--start-players", "--max-players", "--step-duration", "--game", "merge"}) {
            assertTrue(out.toString().contains(option), option);
        }
        assertTrue(out.toString().contains("fight, wander, idle"), out.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("--room", "ABC"));
        assertEquals(2, run("--ramp", "fast"));
        assertEquals(2, run("--min-snapshot-rate", "27"));
        assertEquals(2, run("--spectators", "2")); // quick play has no code to spectate
        assertEquals(2, run("--bots", "0"));
        assertEquals(2, run("--behaviour", "dance"));
        assertEquals(2, run("--out", "/no/such/dir/report.json"));
        assertEquals(2, run("--shard", "3/2"));
        assertEquals(2, run("--processes", "2", "--shard", "1/2"));
        assertEquals(2, run("--find-capacity", "--shard", "1/2"));
        assertEquals(2, run("--html", "/no/such/dir/report.html"));
        assertEquals(2, run("merge"));
        assertEquals(2, run("--game", "No Such Game!"));
        assertTrue(err.toString().contains("--spectators"), err.toString());
    }
}
