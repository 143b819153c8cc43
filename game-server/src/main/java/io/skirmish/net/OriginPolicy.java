package io.skirmish.net;

import java.net.URI;
import java.util.List;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which browser origins may open a Socket.IO session. Requests without an {@code Origin} header
 * (bots, native clients) are not browsers and pass; a browser page must come from this server's own
 * origin, from localhost, or from an origin on the allow-list. Stops other sites from driving a
 * visitor's browser into our game. In a cluster, a page served by one node follows its room to
 * another node ({@code MOVED}, drain), so the origins of the cluster's nodes are allowed too
 * ({@link #alsoAllow}).
 */
public final class OriginPolicy {
    private final List<String> allowed;
    private volatile Supplier<Collection<String>> peers = List::of;

    /** @param allowed extra origins such as {@code https://play.example.com}; {@code *} allows any */
    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean allows(String origin, String hostHeader) {
        if (origin == null || allowed.contains("*")) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (allowed.contains(o) || peers.get().contains(o)) {
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

    /**
     * Also allows the origins this supplier gives (lower-case {@code http(s)://host[:port]}, read on
     * each check: a cluster's nodes come and go); any thread.
     */
    public void alsoAllow(Supplier<Collection<String>> origins) {
        this.peers = origins;
    }

    /** The origins {@link #alsoAllow} added, as they are now (the page's CSP lets it connect to them). */
    public Collection<String> peers() {
        return peers.get();
    }
}
