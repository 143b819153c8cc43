package io.skirmish.room;

import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Commands from network threads to a room's game thread: queued with a future, run at the start of
 * the next tick, and failed with {@code ROOM_NOT_FOUND} if the room closes first.
 */
final class CommandQueue {
    private record Command(Supplier<RawJson> action, CompletableFuture<RawJson> future) {}

    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final BooleanSupplier closed;

    CommandQueue(BooleanSupplier closed) {
        this.closed = closed;
    }

    /** Any thread. */
    CompletableFuture<RawJson> submit(Supplier<RawJson> action) {
        CompletableFuture<RawJson> f = new CompletableFuture<>();
        if (closed.getAsBoolean()) {
            f.completeExceptionally(new ProtocolException(ErrorCode.NOT_IN_ROOM, "the room is closed"));
            return f;
        }
        commands.add(new Command(action, f));
        if (closed.getAsBoolean()) {
            failAll(); // raced with close: nobody else will drain it
        }
        return f;
    }

    /** Game thread: runs what is queued; a {@link ProtocolException} fails only its own command. */
    void runAll() {
        Command c;
        while ((c = commands.poll()) != null) {
            try {
                c.future.complete(c.action.get());
            } catch (ProtocolException e) {
                c.future.completeExceptionally(e);
            }
        }
    }

    void failAll() {
        Command c;
        while ((c = commands.poll()) != null) {
            c.future.completeExceptionally(new ProtocolException(ErrorCode.ROOM_NOT_FOUND, "the room is closed"));
        }
    }
}
