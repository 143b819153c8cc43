package io.skirmish.bots.net;

import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One bot's WebSocket layer: the {@link WebSocket.Factory} its socket.io client connects through,
 * on the run's shared {@link OkHttpClient}. It counts every frame into {@link Traffic} and takes
 * the two hot paths away from the client library:
 *
 * <ul>
 *   <li><b>Server events</b> ({@code 42["name",payload]}) go straight to the bot's {@link Inbox}
 *       as JSON text and never reach the library.
 *   <li><b>Inputs</b> are written straight onto the WebSocket by {@link #emit}.
 * </ul>
 *
 * <p>Why: the library runs every packet through one static event thread shared by all sockets of
 * the process (decoding it into org.json objects, re-arming the socket's heartbeat timer on its own
 * scheduler thread, encoding each emit). Measured here, that thread saturated at about 200 bots
 * at 30 Hz. The frames are byte for byte what the library would send and receive; the library
 * still does everything else: the Engine.IO handshake and heartbeat, the namespace connection,
 * requests and their acks, and reconnecting.
 */
public final class Wire implements WebSocket.Factory {
    /** An Engine.IO message (4) holding a Socket.IO event (2) on the default namespace, without ack id. */
    private static final String EVENT_PREFIX = "42[\"";

    /** Receives one bot's server events. */
    public interface Inbox {
        /**
         * Called on the connection's OkHttp reader thread, in arrival order: must only hand the
         * event on, never parse or block.
         */
        void onEvent(String name, String json, long receivedNanos);
    }

    private final OkHttpClient http;
    private final Traffic traffic;
    private final Inbox inbox;
    private volatile WebSocket open;
    /** The last WebSocket made (open or not), whose end {@link #ended()} tells. */
    private volatile Tap current;
    private volatile String refusal;

    Wire(OkHttpClient http, Traffic traffic, Inbox inbox) {
        this.http = http;
        this.traffic = traffic;
        this.inbox = inbox;
    }

    @Override
    public WebSocket newWebSocket(Request request, WebSocketListener library) {
        Tap tap = new Tap(library);
        current = tap;
        return new Counted(http.newWebSocket(request, tap));
    }

    /**
     * Completes when the last WebSocket made has ended: its close handshake done (the server answered
     * the close frame, so it has seen the connection end) or failed. Complete if none was made.
     */
    public CompletableFuture<Void> ended() {
        Tap t = current;
        return t == null ? CompletableFuture.completedFuture(null) : t.ended;
    }

    /**
     * The code of the server's last refusal of this connection's handshake (e.g. {@code SERVER_FULL}
     * past a connection cap), once; null if there was none since the last call.
     */
    public String takeRefusal() {
        String r = refusal;
        refusal = null;
        return r;
    }

    /** {@code {"code":4,"message":"SERVER_FULL: ..."}} -> {@code SERVER_FULL}; else {@code HTTP 403}. */
    static String refusalCode(Response response) {
        try {
            String body = response.peekBody(1024).string();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"([A-Z_]+)").matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no body to read
        }
        return "HTTP " + response.code();
    }

    /**
     * Sends a Socket.IO event without ack on the open connection, as the library would frame it.
     *
     * @param json the payload, JSON text
     * @return false when no connection is open (the event is dropped)
     */
    public boolean emit(String event, String json) {
        WebSocket ws = open;
        if (ws == null) {
            return false;
        }
        String frame = EVENT_PREFIX + event + "\"," + json + "]";
        traffic.sent(Traffic.utf8Length(frame));
        return ws.send(frame);
    }

    /**
     * The event in {@code frame} as (name, payload), or null for anything else (pings, acks,
     * namespace packets, events with an escaped name or without payload): those go to the library.
     * Every server event of the protocol carries exactly one payload, which this relies on.
     */
    static String[] event(String frame) {
        if (!frame.startsWith(EVENT_PREFIX) || !frame.endsWith("]")) {
            return null;
        }
        int nameEnd = frame.indexOf('"', EVENT_PREFIX.length());
        if (nameEnd < 0 || nameEnd + 2 >= frame.length() || frame.charAt(nameEnd + 1) != ','
                || frame.lastIndexOf('\\', nameEnd) >= EVENT_PREFIX.length()) {
            return null;
        }
        String name = frame.substring(EVENT_PREFIX.length(), nameEnd);
        return new String[] {name, frame.substring(nameEnd + 2, frame.length() - 1)};
    }

    /** Sits between OkHttp and the library's listener. */
    private final class Tap extends WebSocketListener {
        private final WebSocketListener library;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Tap(WebSocketListener library) {
            this.library = library;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            open = ws;
            library.onOpen(ws, response);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            long received = System.nanoTime();
            traffic.received(Traffic.utf8Length(text));
            String[] event = event(text);
            if (event != null) {
                if (current == this) { // a connection left behind by a cluster move has nothing more to say
                    inbox.onEvent(event[0], event[1], received);
                }
            } else {
                library.onMessage(ws, text);
            }
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            traffic.received(bytes.size());
            library.onMessage(ws, bytes);
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            closed(ws);
            library.onClosing(ws, code, reason);
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            closed(ws);
            try {
                library.onClosed(ws, code, reason);
            } finally {
                ended.complete(null);
            }
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            closed(ws);
            if (response != null && response.code() >= 400) {
                refusal = refusalCode(response);
            }
            try {
                library.onFailure(ws, t, response);
            } finally {
                ended.complete(null);
            }
        }

        private void closed(WebSocket ws) {
            if (open == ws) {
                open = null;
            }
        }
    }

    /** The library's side of the connection: what it sends is counted too. */
    private final class Counted implements WebSocket {
        private final WebSocket ws;

        Counted(WebSocket ws) {
            this.ws = ws;
        }

        @Override
        public Request request() {
            return ws.request();
        }

        @Override
        public long queueSize() {
            return ws.queueSize();
        }

        @Override
        public boolean send(String text) {
            traffic.sent(Traffic.utf8Length(text));
            return ws.send(text);
        }

        @Override
        public boolean send(ByteString bytes) {
            traffic.sent(bytes.size());
            return ws.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return ws.close(code, reason);
        }

        @Override
        public void cancel() {
            ws.cancel();
        }
    }
}
