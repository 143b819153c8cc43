package io.skirmish.net;

import io.skirmish.protocol.Request;
import io.skirmish.room.Connection;
import io.skirmish.room.RawJson;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Decides where a validated request is served: here ({@code here.get()}), or elsewhere (cluster mode
 * answers {@code MOVED} for a room on another node). Called on network threads; must not block.
 */
@FunctionalInterface
public interface RequestRouter {
    /**
     * @param payload the request's decoded JSON (fields beyond the request's own, such as a
     *     {@code reservation}, are read from it)
     * @param here serves the request on this node
     */
    CompletableFuture<RawJson> route(Connection conn, String event, Request request, Object payload,
                                     Supplier<CompletableFuture<RawJson>> here);

    /** One node: everything is served here. */
    RequestRouter LOCAL = (conn, event, request, payload, here) -> here.get();
}
