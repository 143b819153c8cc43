package io.skirmish.net;

/**
 * Where the Prometheus {@code /metrics} endpoint is served and who may read it.
 *
 * @param host address of a separate metrics listener (with {@code port})
 * @param port port of a separate metrics listener; {@code -1} serves {@code /metrics} on the game port,
 *     {@code 0} picks a free port
 * @param token when not null, a scrape must send {@code Authorization: Bearer TOKEN} (else 401)
 */
public record MetricsAccess(String host, int port, String token) {
    /** On the game port, open to anyone (the default, for a server on a private network or a laptop). */
    public static final MetricsAccess PUBLIC = new MetricsAccess(null, -1, null);

    public MetricsAccess {
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    public boolean separate() {
        return port >= 0;
    }

    /** Whether an {@code Authorization} header value may read the metrics (compared in constant time). */
    public boolean authorizes(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                authorization.substring(7).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
