package io.skirmish.bots.report;

import io.skirmish.bots.net.Json;
import io.skirmish.bots.stats.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report as one self-contained HTML page ({@code --html}): the report's JSON, the charting
 * library (uPlot, put into the jar by the build from npm) and the page's own script, all inline,
 * so it opens anywhere without a network. The page draws percentiles, players, errors and CPU and
 * memory over time, the per-room breakdown, the slowest players, and for a capacity search the
 * curve of p99 against players with the knee marked.
 */
public final class HtmlReport {
    private static final String BASE = "/io/skirmish/bots/report/";

    private HtmlReport() {}

    public static String render(Report report) {
        String title = report.capacity() != null
                ? "Skirmish capacity: " + report.capacity().players() + " players"
                : "Skirmish load run: " + report.setup().bots() + " players";
        // Replacements in order, each once: a later placeholder's text never comes from an earlier value.
        String page = resource("page.html");
        page = replace(page, "/*TITLE*/", escapeHtml(title));
        page = replace(page, "/*UPLOT_CSS*/", resource("vendor/dist/uPlot.min.css"));
        page = replace(page, "/*PAGE_CSS*/", resource("page.css"));
        page = replace(page, "/*PAGE_JS*/", scriptSafe(resource("page.js")));
        page = replace(page, "/*UPLOT_JS*/", scriptSafe(resource("vendor/dist/uPlot.iife.min.js")));
        return replace(page, "/*DATA*/", scriptSafe(Json.GSON.toJson(report)));
    }

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static String replace(String page, String placeholder, String value) {
        int at = page.indexOf(placeholder);
        if (at < 0) {
            throw new IllegalStateException("page template lacks " + placeholder);
        }
        return page.substring(0, at) + value + page.substring(at + placeholder.length());
    }

    /** Text inside a script element must not close it: {@code </} becomes {@code <\/} (same meaning in JS and JSON strings). */
    static String scriptSafe(String text) {
        return text.replace("</", "<\\/");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name + " (built by mvn package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
