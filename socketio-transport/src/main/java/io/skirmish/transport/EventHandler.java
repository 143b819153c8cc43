package io.skirmish.transport;

import java.util.List;

/**
 * Handles one event of a namespace, on the transport's I/O thread of the client's session (in the
 * order the client sent them). The arguments are plain values as decoded from JSON (maps, lists,
 * strings, numbers, booleans, null), and {@code byte[]} for binary attachments.
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(Socket socket, List<Object> args, Ack ack);
}
