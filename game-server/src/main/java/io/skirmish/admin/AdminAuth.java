package io.skirmish.admin;

import io.skirmish.net.FullHttpRoutes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may use the admin API: a request with {@code Authorization: Bearer TOKEN}, or with the
 * session cookie of a console login. Anything that looks like a credential in the URL is refused
 * outright (URLs end up in logs, history and Referer headers).
 */
final class AdminAuth {
    static final String COOKIE = "skirmish_admin";
    /** Query parameters that would carry a credential in a URL. */
    static final Set<String> CREDENTIAL_PARAMS = Set.of("token", "access_token", "admin_token", "auth", "key",
            "password", "session", "bearer", COOKIE);

    enum Verdict {
        /** Bearer token or a valid session cookie. */
        BEARER, COOKIE_SESSION,
        /** No credential: 401. */
        MISSING,
        /** A credential that is wrong or expired: 403. */
        WRONG,
        /** A credential in the URL: 400, even when it is right. */
        IN_URL
    }

    private final AdminToken token;
    private final AdminSessions sessions;

    AdminAuth(AdminToken token, AdminSessions sessions) {
        this.token = token;
        this.sessions = sessions;
    }

    Verdict check(FullHttpRoutes.Request r) {
        if (credentialInUrl(r.query())) {
            return Verdict.IN_URL;
        }
        String auth = r.header("authorization");
        if (auth != null) {
            if (auth.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(auth.substring(7).strip())) {
                return Verdict.BEARER;
            }
            return Verdict.WRONG;
        }
        String session = cookie(r.header("cookie"), COOKIE);
        if (session != null) {
            return sessions.valid(session) ? Verdict.COOKIE_SESSION : Verdict.WRONG;
        }
        return Verdict.MISSING;
    }

    static boolean credentialInUrl(Map<String, List<String>> query) {
        for (String k : query.keySet()) {
            if (CREDENTIAL_PARAMS.contains(k.toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    boolean tokenMatches(String candidate) {
        return token.matches(candidate);
    }

    static String cookie(String header, String name) {
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) {
                return p.substring(eq + 1);
            }
        }
        return null;
    }
}
