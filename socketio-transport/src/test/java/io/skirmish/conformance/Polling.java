package io.skirmish.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Engine.IO long-polling by hand, with {@link HttpClient} (HTTP/1.1). */
final class Polling {
    /** One HTTP answer. */
    record Res(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The Engine.IO error code of a 400 answer. */
        int errorCode() {
            return json().get("code").getAsInt();
        }
    }

    static final String PATH = "/socket.io/";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    Polling(int port) {
        this.base = "http://127.0.0.1:" + port + PATH;
    }

    Res request(String method, String query, String body, String... headers) {
        try {
            return requestAsync(method, query, body, headers).get();
        } catch (Exception e) {
            throw new IllegalStateException(method + " ?" + query + " failed", e);
        }
    }

    CompletableFuture<Res> requestAsync(String method, String query, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "text/plain;charset=UTF-8");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Res(r.statusCode(), r.body(), r));
    }

    Res get(String query, String... headers) {
        return request("GET", query, null, headers);
    }

    /** Opens a session; returns its open packet's JSON. */
    JsonObject handshake(String... headers) {
        Res r = get("EIO=4&transport=polling", headers);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().startsWith("0"), r.body());
        return JsonParser.parseString(r.body().substring(1)).getAsJsonObject();
    }

    /** Opens a session; returns its sid. */
    String open() {
        return handshake().get("sid").getAsString();
    }

    Res poll(String sid) {
        return get("EIO=4&transport=polling&sid=" + sid);
    }

    CompletableFuture<Res> pollAsync(String sid) {
        return requestAsync("GET", "EIO=4&transport=polling&sid=" + sid, null);
    }

    Res send(String sid, String payload) {
        return request("POST", "EIO=4&transport=polling&sid=" + sid, payload);
    }

    /** Sends a payload and checks the server took it. */
    void push(String sid, String payload) {
        Res r = send(sid, payload);
        assertEquals(200, r.status(), r.body());
        assertEquals("ok", r.body());
    }

    /**
     * Polls until {@code n} packets other than pings arrived (answering pings), and returns them: the
     * server answers a waiting poll with what is queued at that moment, so packets may come in several.
     */
    List<String> receive(String sid, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n && i < 50; i++) {
            Res r = poll(sid);
            assertEquals(200, r.status(), r.body());
            for (String p : packets(r.body())) {
                if (p.equals("2")) {
                    push(sid, "3");
                } else {
                    out.add(p);
                }
            }
        }
        assertEquals(n, out.size(), out.toString());
        return out;
    }

    /** How a polling session was seen to end. */
    enum End {
        /** A poll was answered with a close packet {@code 1}. */
        CLOSE_PACKET,
        /** A poll was refused: 400 with Engine.IO error 1, "Session ID unknown". */
        UNKNOWN_SESSION
    }

    /**
     * Polls until the server shows that it ended the session, within {@code bound} of this call: a close
     * packet, or a 400 "Session ID unknown". Fails, naming the cause, on anything else: other packets
     * (pings included: the session lived on), another status, an I/O error, or no answer within the bound.
     */
    End awaitSessionEnd(String sid, Duration bound) {
        long begin = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=polling&sid=" + sid))
                .timeout(bound).GET().build();
        HttpResponse<String> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("the session did not end within " + bound.toMillis() + " ms (poll timed out)", e);
        } catch (IOException e) {
            throw new AssertionError("the poll failed with an I/O error, not an end of session", e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        long ms = (System.nanoTime() - begin) / 1_000_000;
        if (r.statusCode() == 400 && JsonParser.parseString(r.body()).getAsJsonObject().get("code").getAsInt() == 1) {
            return End.UNKNOWN_SESSION;
        }
        if (r.statusCode() == 200 && List.of(packets(r.body())).contains("1")) {
            if (ms > bound.toMillis()) throw new AssertionError("closed after " + ms + " ms, over " + bound.toMillis());
            return End.CLOSE_PACKET;
        }
        throw new AssertionError("the session did not end: " + r.statusCode() + " " + r.body());
    }

    /** Packets of a polling payload. */
    static String[] packets(String payload) {
        return payload.split("\u001e", -1);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception | Error ignored) {
            // cleanup only
        }
    }

    static void ignore(IOException e) {
        // for lambdas that must not throw
    }
}
