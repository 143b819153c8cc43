package io.skirmish.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asynchronous connection to Redis (Lettuce) that reconnects by itself. Commands fail at once
 * while Redis is unreachable (they are not queued), and each one is timed and counted, so callers see
 * an outage as failed futures, never as a wait.
 */
final class RedisLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1000);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final ClusterMetrics metrics;
    private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();
    private final AtomicReference<StatefulRedisPubSubConnection<String, String>> pubsub = new AtomicReference<>();
    private final java.util.Map<String, java.util.function.Consumer<String>> subscriptions =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean up;

    RedisLink(String uri, ClusterMetrics metrics) {
        this.metrics = metrics;
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
        this.uri = RedisURI.create(uri);
        this.uri.setTimeout(COMMAND_TIMEOUT);
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(1000)).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
    }

    /**
     * Connects if not connected yet. Lettuce retries a lost connection by itself, but not a first
     * connection that failed, so the heartbeat calls this until one succeeds.
     */
    CompletableFuture<Void> ensureConnected() {
        CompletableFuture<Void> commands = connection.get() != null ? CompletableFuture.completedFuture(null)
                : client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture().thenAccept(conn -> {
                    if (!connection.compareAndSet(null, conn)) {
                        conn.closeAsync();
                    } else {
                        log.info("connected to redis {}:{}", uri.getHost(), uri.getPort());
                    }
                });
        return commands.thenCompose(x -> subscriptions.isEmpty() || pubsub.get() != null
                        ? CompletableFuture.completedFuture(null) : connectPubSub())
                .whenComplete((r, e) -> {
                    if (e != null) setUp(false);
                });
    }

    /** Messages on {@code channel} go to {@code handler} (on a Lettuce thread: hand them on, don't work there). */
    void subscribe(String channel, java.util.function.Consumer<String> handler) {
        subscriptions.put(channel, handler);
    }

    private CompletableFuture<Void> connectPubSub() {
        return client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture().thenCompose(conn -> {
            if (!pubsub.compareAndSet(null, conn)) {
                conn.closeAsync();
                return CompletableFuture.completedFuture(null);
            }
            conn.addListener(new RedisPubSubAdapter<String, String>() {
                @Override
                public void message(String channel, String message) {
                    java.util.function.Consumer<String> h = subscriptions.get(channel);
                    if (h != null) h.accept(message);
                }
            });
            // Lettuce subscribes again by itself after a reconnect.
            return conn.async().subscribe(subscriptions.keySet().toArray(String[]::new)).toCompletableFuture()
                    .thenApply(x -> null);
        });
    }

    /** Publishes a message; the future gives how many subscribers got it. */
    CompletableFuture<Long> publish(String channel, String message) {
        StatefulRedisConnection<String, String> c = connection.get();
        if (c == null) {
            return failed(new IllegalStateException("not connected to redis"));
        }
        long begin = System.nanoTime();
        return c.async().publish(channel, message).toCompletableFuture().whenComplete((r, e) -> {
            metrics.redisCommand(System.nanoTime() - begin, e == null);
            setUp(e == null);
        });
    }

    /** True while the last command succeeded and the connection is open. */
    boolean up() {
        StatefulRedisConnection<String, String> c = connection.get();
        return up && c != null && c.isOpen();
    }

    /** Runs a Lua script; the future fails when Redis is unreachable or slow. */
    <T> CompletableFuture<T> eval(String script, ScriptOutputType type, String... args) {
        StatefulRedisConnection<String, String> c = connection.get();
        if (c == null) {
            return failed(new IllegalStateException("not connected to redis"));
        }
        RedisAsyncCommands<String, String> cmd = c.async();
        long begin = System.nanoTime();
        CompletableFuture<T> f;
        try {
            f = cmd.<T>eval(script, type, new String[0], args).toCompletableFuture();
        } catch (RuntimeException e) {
            return failed(e);
        }
        return f.whenComplete((r, e) -> {
            metrics.redisCommand(System.nanoTime() - begin, e == null);
            setUp(e == null);
        });
    }

    private <T> CompletableFuture<T> failed(Throwable e) {
        metrics.redisCommand(0, false);
        setUp(false);
        return CompletableFuture.failedFuture(e);
    }

    private void setUp(boolean now) {
        if (now != up) {
            up = now;
            if (now) log.info("redis reachable");
            else log.warn("redis unreachable; cross-node requests answer CLUSTER_UNAVAILABLE until it returns");
        }
    }

    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection.getAndSet(null);
        if (c != null) {
            c.close();
        }
        StatefulRedisPubSubConnection<String, String> p = pubsub.getAndSet(null);
        if (p != null) {
            p.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
