package io.skirmish.bots.net;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import io.skirmish.snapshot.SnapshotText;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Makes the bots' Socket.IO sockets: WebSocket only, one connection each, all on one shared OkHttp
 * client, each through its bot's {@link Wire}.
 */
public final class Sockets implements AutoCloseable {
    private final URI url;
    private final OkHttpClient http;

    public Sockets(URI url) {
        this.url = url;
        // OkHttp 3 runs each WebSocket's read loop inside a dispatcher call that lasts as long as the
        // connection, so the dispatcher's default limits (64 calls, 5 per host) would cap the bots at 5.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(10, TimeUnit.SECONDS)
                // Engine.IO's heartbeat watches the connection. No timeouts on reads and writes also
                // spares OkHttp's watchdog thread a wake-up per frame.
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .build();
    }

    /** A bot's WebSocket layer: its frames are counted into {@code traffic}, its server events go to {@code inbox}. */
    public Wire wire(Traffic traffic, Wire.Inbox inbox) {
        return new Wire(http, traffic, inbox);
    }

    /** The server the bots were pointed at ({@code --url}). */
    public URI url() {
        return url;
    }

    /** A new, not yet connected socket over {@code wire} to the server of {@code --url}. */
    public Socket create(Wire wire) {
        return create(wire, url);
    }

    /**
     * A new, not yet connected socket over {@code wire} to {@code server} (cluster: a node's public URL;
     * a path in it, as behind a path-routing proxy, is where that node's Socket.IO is reached).
     */
    public Socket create(Wire wire, URI server) {
        IO.Options o = new IO.Options();
        String prefix = server.getPath() == null ? "" : server.getPath().replaceAll("/+$", "");
        if (!prefix.isEmpty()) {
            o.path = prefix + "/socket.io";
        }
        o.forceNew = true;
        o.transports = new String[] {WebSocket.NAME};
        // Compact snapshots (docs/protocol.md): the `s` event, decoded by CompactSnapshots.
        o.auth = Map.of("protocol", String.valueOf(SnapshotText.PROTOCOL_VERSION));
        o.webSocketFactory = wire;
        o.callFactory = http; // unused with WebSocket only, but never the library's own client
        o.reconnection = true;
        // 0.5 s doubling up to 4 s, 8 tries: about 20 s, the default seat grace; a seat is gone after it.
        o.reconnectionAttempts = 8;
        o.reconnectionDelay = 500;
        o.reconnectionDelayMax = 4000;
        // No connect timeout (-1; 0 would time out at once): a positive one starts a java.util.Timer
        // thread per attempt. The harness times requests out itself.
        o.timeout = -1;
        return IO.socket(URI.create(server.getScheme() + "://" + server.getRawAuthority()), o);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
