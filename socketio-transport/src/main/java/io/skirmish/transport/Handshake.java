package io.skirmish.transport;

import java.util.List;
import java.util.Map;

/**
 * What a client told when it connected: the handshake request's query, and the CONNECT payload of
 * the namespace ({@code io(url, {auth: ...})}), decoded as plain values (maps, lists, strings,
 * numbers, booleans, null); an empty map when the client sent none.
 */
public record Handshake(Map<String, List<String>> query, Object auth) {

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> v = query == null ? null : query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
