package io.skirmish.admin;

import io.skirmish.net.FullHttpRoutes;
import io.skirmish.recorder.Recorders;
import io.skirmish.room.RoomManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP side: the page at {@code /admin}, login and logout, and the authorised
 * {@code /admin/api/} (see {@link AdminApi}). Everything else under {@code /admin/} is the page's
 * static files (no secrets in them).
 */
public final class AdminConsole implements FullHttpRoutes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminConsole.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final Map<String, String> PAGE_HEADERS = Map.of("Content-Security-Policy", CSP, "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    /** Wrong logins allowed per address per minute. */
    static final int LOGIN_FAILURES_PER_MINUTE = 10;

    /** What the console sees of and does to the server. */
    public interface Server {
        RoomManager rooms();

        int connections();

        /** Handshakes refused since start (any reason). */
        double handshakesRefused();

        Recorders recorders();

        /** Starts a graceful drain (as on SIGTERM); returns at once. */
        void drain();
    }

    private final AdminAuth auth;
    private final AdminSessions sessions;
    private final AdminApi api;
    private final ServerHistory history;
    private final ConcurrentHashMap<String, long[]> loginFailures = new ConcurrentHashMap<>();
    private volatile byte[] page;

    public AdminConsole(AdminToken token, Server server, RoomStats stats) {
        SecureRandom random = new SecureRandom();
        this.sessions = new AdminSessions(random, System::nanoTime);
        this.auth = new AdminAuth(token, sessions);
        this.history = new ServerHistory(server);
        this.api = new AdminApi(server, stats, history);
        history.start();
    }

    @Override
    public CompletableFuture<Reply> handle(Request r) {
        String path = r.path();
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return null;
        }
        if (AdminAuth.credentialInUrl(r.query())) {
            log.warn("admin request refused: a credential in the URL path={}", path);
            return done(error(400, "never put the admin token in a URL: send it as Authorization: Bearer, or log in"));
        }
        if (path.startsWith("/admin/api/")) {
            AdminAuth.Verdict v = auth.check(r);
            switch (v) {
                case MISSING -> {
                    return done(error(401, "admin token required").withHeaders(Map.of("WWW-Authenticate", "Bearer")));
                }
                case WRONG -> {
                    return done(error(403, "wrong or expired admin credentials"));
                }
                case IN_URL -> {
                    return done(error(400, "never put the admin token in a URL"));
                }
                default -> { }
            }
            boolean changes = !r.method().equals("GET") && !r.method().equals("HEAD");
            if (changes && v == AdminAuth.Verdict.COOKIE_SESSION && !"1".equals(r.header("x-skirmish-admin"))) {
                // A cross-site form cannot set this header: cookie-authorised changes must come from the console.
                return done(error(403, "missing X-Skirmish-Admin header"));
            }
            return api.handle(r, v == AdminAuth.Verdict.BEARER ? "bearer" : "console");
        }
        return switch (path) {
            case "/admin", "/admin/" -> r.method().equals("GET") || r.method().equals("HEAD")
                    ? done(page(auth.check(r) == AdminAuth.Verdict.COOKIE_SESSION)) : null;
            case "/admin/login" -> r.method().equals("POST") ? done(login(r)) : null;
            case "/admin/logout" -> r.method().equals("POST") ? done(logout(r)) : null;
            default -> null;
        };
    }

    private Reply login(Request r) {
        if (tooManyFailures(r.address())) {
            return redirect("/admin#login-limited").withHeaders(Map.of());
        }
        String token = formField(new String(r.body(), StandardCharsets.UTF_8), "token");
        if (!auth.tokenMatches(token)) {
            loginFailures.compute(r.address(), (k, v) -> {
                long now = System.nanoTime();
                if (v == null || now - v[0] > TimeUnit.MINUTES.toNanos(1)) return new long[] {now, 1};
                v[1]++;
                return v;
            });
            log.warn("admin login failed");
            return redirect("/admin#login-failed");
        }
        String id = sessions.create();
        log.info("admin login via=console");
        return redirect("/admin").withHeaders(Map.of("Set-Cookie", AdminAuth.COOKIE + "=" + id
                + "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=" + TimeUnit.NANOSECONDS.toSeconds(AdminSessions.TTL_NANOS)));
    }

    private Reply logout(Request r) {
        sessions.end(AdminAuth.cookie(r.header("cookie"), AdminAuth.COOKIE));
        return redirect("/admin").withHeaders(Map.of("Set-Cookie",
                AdminAuth.COOKIE + "=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0"));
    }

    private boolean tooManyFailures(String address) {
        long[] v = loginFailures.get(address);
        return v != null && System.nanoTime() - v[0] <= TimeUnit.MINUTES.toNanos(1) && v[1] >= LOGIN_FAILURES_PER_MINUTE;
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The console page; marked {@code data-session} when the request carries a valid login, so that
     * the page shows the login form without first asking the API (and logging a 401).
     */
    private Reply page(boolean loggedIn) {
        byte[] p = page;
        if (p == null) {
            try (InputStream in = AdminConsole.class.getClassLoader().getResourceAsStream("public/admin/index.html")) {
                p = in == null ? "<!doctype html><title>Skirmish admin</title><p>The console was not built.".getBytes(
                        StandardCharsets.UTF_8) : in.readAllBytes();
            } catch (IOException e) {
                return error(500, "cannot read the console page");
            }
            page = p;
        }
        if (loggedIn) {
            p = new String(p, StandardCharsets.UTF_8).replace("<body>", "<body data-session=\"1\">")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new Reply(200, "text/html; charset=utf-8", p, PAGE_HEADERS);
    }

    private static Reply redirect(String to) {
        return new Reply(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", to));
    }

    static Reply error(int status, String message) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("error", message);
        return Reply.json(status, o.toString());
    }

    static CompletableFuture<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public void close() {
        history.close();
    }
}
