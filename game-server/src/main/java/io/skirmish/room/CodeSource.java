package io.skirmish.room;

import java.util.function.Predicate;

/**
 * Where a new private room's join code comes from. One node alone draws random codes and checks
 * them against its own rooms; a node in a cluster hands out codes it has already claimed for the
 * whole cluster, so a code is never live twice.
 */
public interface CodeSource {
    /**
     * A code for which {@code localClaim} succeeded (it atomically claims the code among this node's
     * rooms).
     *
     * @throws io.skirmish.protocol.ProtocolException when no code can be had now
     */
    String next(Predicate<String> localClaim);
}
