package io.skirmish.net;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open a Socket.IO session. Requests without an {@code Origin} header
 * (bots, native clients) are not browsers and pass; a browser page must come from this server's own
 * origin, from localhost, or from an origin on the allow-list. Stops other sites from driving a
 * visitor's browser into our game.
 */
public final class OriginPolicy {
    private final List<String> allowed;

    /** @param allowed extra origins such as {@code https://play.example.com}; {@code *} allows any */
    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean allows(String origin, String hostHeader) {
        if (origin == null || allowed.contains("*")) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (allowed.contains(o)) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(o);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) {
            return true;
        }
        String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        return hostHeader != null && authority.equals(hostHeader.toLowerCase(Locale.ROOT));
    }
}
