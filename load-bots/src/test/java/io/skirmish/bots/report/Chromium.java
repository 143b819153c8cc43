package io.skirmish.bots.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in the machine's headless Chromium ({@code /usr/bin/chromium}, or
 * {@code $CHROMIUM}) and returns the DOM after its scripts ran, and every console message.
 */
public final class Chromium {
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");

    private Chromium() {}

    /** What the browser made of a page. */
    public record Page(String dom, List<String> console) {
        /** The value of {@code data-NAME} on {@code <body>}, or null. */
        public String bodyData(String name) {
            Matcher m = Pattern.compile("<body[^>]*\\sdata-" + name + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }

        public int count(String text) {
            int n = 0;
            for (int at = dom.indexOf(text); at >= 0; at = dom.indexOf(text, at + 1)) {
                n++;
            }
            return n;
        }
    }

    public static Page open(Path html) throws IOException, InterruptedException {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        Path err = Files.createTempFile("chromium", ".log");
        Path out = Files.createTempFile("chromium", ".html");
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1200,2000",
                    "--dump-dom", html.toUri().toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish within 90 s");
            }
            List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .map(CONSOLE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
            return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
