package io.skirmish.transport.engine;

import io.skirmish.transport.EngineSettings;
import io.skirmish.transport.SessionGate;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live Engine.IO sessions of one server and what they share. Thread-safe. */
final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    final EngineSettings settings;
    final Configuration config;
    final EngineJson json;
    final PacketWriter writer;
    final AckManager acks;
    final ClientsBox box = new ClientsBox();
    private final Function<String, Namespace> namespaces;
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Told of every client that broke the protocol (bad JSON, junk, invalid packets), for counting. */
    volatile Runnable violations = () -> { };
    /** Decides on every request that would open a session (origin, caps); set before the server starts. */
    volatile SessionGate gate = SessionGate.OPEN;

    /** Every thread's recent shared packets (see {@link SharedPacket.Recent}), let go of when the server stops. */
    private final Queue<SharedPacket.Recent> recents = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<SharedPacket.Recent> recent = ThreadLocal.withInitial(() -> {
        SharedPacket.Recent r = new SharedPacket.Recent();
        recents.add(r);
        return r;
    });

    /** The clock timers are checked against ({@code System.nanoTime}; tests step it by hand). */
    final LongSupplier nanoTime;

    Engine(EngineSettings settings, Configuration config, EngineJson json, CancelableScheduler scheduler,
           Function<String, Namespace> namespaces) {
        this(settings, config, json, scheduler, namespaces, System::nanoTime);
    }

    Engine(EngineSettings settings, Configuration config, EngineJson json, CancelableScheduler scheduler,
           Function<String, Namespace> namespaces, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.settings = settings;
        this.config = config;
        this.json = json;
        this.writer = new PacketWriter(json);
        this.acks = new AckManager(scheduler);
        this.namespaces = namespaces;
    }

    /** What the handshake request tells about the client, as netty-socketio's listeners expect it. */
    HandshakeData handshake(Channel ch, FullHttpRequest req, Map<String, List<String>> params) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        return new HandshakeData(req.headers().copy(), params, (InetSocketAddress) ch.remoteAddress(),
                (InetSocketAddress) ch.localAddress(), req.uri(), origin != null && !origin.equalsIgnoreCase("null"));
    }

    /** The configured {@code AuthorizationListener}'s decision on a new session, or null when refused. */
    AuthorizationResult authorize(HandshakeData data) {
        try {
            AuthorizationResult r = config.getAuthorizationListener().getAuthorizationResult(data);
            return r != null && r.isAuthorized() ? r : null;
        } catch (RuntimeException e) {
            log.warn("authorization listener failed: {}", e.toString());
            return null;
        }
    }

    /**
     * A new session. Its id is always random: never taken from the request (netty-socketio with
     * {@code randomSession=false} let a client pick it, and take over another player's session).
     */
    EngineSession open(Channel ch, HandshakeData data, Transport transport, Map<String, List<String>> params,
                       AuthorizationResult auth) {
        EngineSession s = new EngineSession(this, UUID.randomUUID(), data, transport, params, ch.eventLoop());
        if (auth.getStoreParams() != null) {
            auth.getStoreParams().forEach(s.getStore()::set);
        }
        sessions.put(s.sid(), s);
        return s;
    }

    EngineSession find(String sid) {
        return sid == null ? null : sessions.get(sid);
    }

    /** The socket of a session on a namespace ({@code ""} or {@code "/"} for the main one), or null. Any thread. */
    EngineNamespaceClient socket(UUID session, String namespace) {
        EngineSession s = sessions.get(session.toString());
        return s == null ? null : s.socket(namespace.equals("/") ? "" : namespace);
    }

    void remove(EngineSession s) {
        sessions.remove(s.sid(), s);
    }

    int size() {
        return sessions.size();
    }

    /** The calling thread's recent shared packets. */
    SharedPacket.Recent recent() {
        return recent.get();
    }

    /** Lets go of every thread's recent shared packets (their frames are released with their last holder). */
    void releaseShared() {
        recents.forEach(SharedPacket.Recent::clear);
    }

    Namespace namespace(String name) {
        return namespaces.apply(name);
    }

    /** A socket id for one namespace connection (what the client sees as {@code socket.id}). */
    String newSocketId() {
        byte[] b = new byte[15];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Closes every session and waits (at most {@code waitMs}) until each has told its transport. */
    void closeAll(CloseReason reason, long waitMs) {
        List<EngineSession> all = new ArrayList<>(sessions.values());
        CountDownLatch done = new CountDownLatch(all.size());
        for (EngineSession s : all) {
            s.close(reason, done::countDown);
        }
        try {
            if (!done.await(waitMs, TimeUnit.MILLISECONDS)) {
                log.debug("{} sessions did not close in {} ms", done.getCount(), waitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.clear();
        releaseShared();
    }
}
