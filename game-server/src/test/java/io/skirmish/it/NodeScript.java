package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Node script of {@code game-client-js} (its npm packages installed by the build) and fails on a non-zero exit. */
public final class NodeScript {
    private NodeScript() {}

    /** Runs {@code node <script> <args>} in game-client-js; returns its output; fails the test unless it exits 0. */
    public static String run(String script, String... args) throws Exception {
        return run(3, script, args);
    }

    /** As {@link #run(String, String...)}, with a time limit in minutes (the netcode report plays for two). */
    public static String run(int minutes, String script, String... args) throws Exception {
        Path log = Files.createTempFile("node", ".log");
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(new File("../game-client-js"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(done, script + " did not finish in " + minutes + " minutes:\n" + output);
        assertEquals(0, p.exitValue(), script + " failed:\n" + output);
        return output;
    }
}
