package io.skirmish.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node takes part in a cluster.
 *
 * @param redisUri {@code redis://host:port}
 * @param publicUrl the address clients are sent to for this node's rooms (e.g. {@code http://10.0.0.5:3000});
 *     null: {@code http://HOST:PORT} of the bound socket
 * @param nodeId unique among the cluster's nodes
 * @param heartbeat how often the node refreshes its entries in Redis
 * @param ttl how long an entry outlives the node's last heartbeat (a dead node's rooms vanish after it)
 * @param reservationTtl how long a seat reservation handed to a moving client is kept
 */
public record ClusterConfig(String redisUri, String publicUrl, String nodeId, Duration heartbeat, Duration ttl,
                            Duration reservationTtl) {
    public ClusterConfig {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(nodeId, "nodeId");
        if (ttl.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ttl must be at least two heartbeats");
        }
    }

    /** Defaults: heartbeat 1 s, entries expire 5 s after the last one, reservations live 10 s. */
    public static ClusterConfig of(String redisUri, String publicUrl, String nodeId) {
        return new ClusterConfig(redisUri, publicUrl, nodeId, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    public ClusterConfig withTimes(Duration heartbeat, Duration ttl, Duration reservationTtl) {
        return new ClusterConfig(redisUri, publicUrl, nodeId, heartbeat, ttl, reservationTtl);
    }

    public ClusterConfig withPublicUrl(String url) {
        return new ClusterConfig(redisUri, url, nodeId, heartbeat, ttl, reservationTtl);
    }
}
