package io.skirmish.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser client's files: from a directory on disk (for client development), or else from
 * {@code public/} on the classpath (the built client inside the jar). Paths are confined to that root.
 */
final class StaticFiles {
    record File(String contentType, byte[] body) {}

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final Path dir;
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** @param dir a directory to serve from disk, or null for the classpath */
    StaticFiles(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    /** The file for a URL path, or null. {@code /} is {@code index.html}. */
    File get(String path) {
        String rel = path.equals("/") ? "index.html" : path.substring(1);
        if (rel.isEmpty() || rel.contains("..") || rel.contains("\\") || rel.startsWith("/")) {
            return null;
        }
        return dir != null ? fromDisk(rel) : cache.computeIfAbsent(rel, StaticFiles::fromClasspath);
    }

    private File fromDisk(String rel) {
        Path p = dir.resolve(rel).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
            return null;
        }
        try {
            return new File(type(rel), Files.readAllBytes(p));
        } catch (IOException e) {
            return null;
        }
    }

    private static File fromClasspath(String rel) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("public/" + rel)) {
            return in == null ? null : new File(type(rel), in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static String type(String rel) {
        int dot = rel.lastIndexOf('.');
        String ext = dot < 0 ? "" : rel.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
