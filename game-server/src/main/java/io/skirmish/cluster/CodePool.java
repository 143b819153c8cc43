package io.skirmish.cluster;

import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.room.CodeSource;
import io.skirmish.room.JoinCodes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Join codes this node has already claimed for the whole cluster ({@code SET NX} in a Lua script), so
 * creating a private room never waits for Redis: it takes a claimed code from the pool. The pool is
 * kept full and its claims refreshed on the cluster thread; while Redis is away the codes already
 * held are still handed out, and an empty pool answers {@code CLUSTER_UNAVAILABLE}.
 */
final class CodePool implements CodeSource {
    static final int SIZE = 8;

    private final RedisDirectory directory;
    private final JoinCodes codes;
    private final ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>();

    CodePool(RedisDirectory directory, JoinCodes codes) {
        this.directory = directory;
        this.codes = codes;
    }

    @Override
    public String next(Predicate<String> localClaim) {
        String code;
        while ((code = pool.poll()) != null) {
            if (localClaim.test(code)) {
                return code;
            }
        }
        throw new ProtocolException(ErrorCode.CLUSTER_UNAVAILABLE,
                "the cluster directory is unavailable; try again soon");
    }

    int size() {
        return pool.size();
    }

    /** Renews the claims on held codes (dropping any lost, e.g. after Redis restarted) and tops the pool up. */
    CompletableFuture<Void> refresh() {
        List<String> held = List.copyOf(pool);
        CompletableFuture<?>[] renewals = held.stream().map(code -> directory.claimCode(code).thenAccept(ok -> {
            if (!ok) pool.remove(code);
        })).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(renewals).thenCompose(x -> topUp(SIZE - pool.size()));
    }

    private CompletableFuture<Void> topUp(int missing) {
        if (missing <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        String code = codes.newCode(c -> !pool.contains(c));
        return directory.claimCode(code).thenCompose(ok -> {
            if (ok) pool.add(code);
            return topUp(missing - 1);
        });
    }
}
