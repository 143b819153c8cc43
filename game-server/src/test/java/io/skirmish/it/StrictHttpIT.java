package io.skirmish.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red-team finding 7: requests Netty could not decode were answered 200 with keep-alive, and a
 * request framed both by {@code Content-Length} and {@code Transfer-Encoding} was answered and the
 * connection kept, so a request hidden in its body was served (smuggling). Both get 400 and a close.
 */
class StrictHttpIT {
    @RegisterExtension
    static final TestServer server = new TestServer();

    double hits(String limit) throws Exception {
        return PromMetrics.scrape(server.port).sum("skirmish_limit_hits_total", "limit=\"" + limit + "\"");
    }

    /** Sends the bytes and returns everything answered until the server closed (or 3 s passed). */
    String exchange(String request) throws Exception {
        try (RawConnection c = new RawConnection(server.port)) {
            c.write(request);
            return c.readAll(3_000);
        }
    }

    static int responses(String text) {
        return text.split("HTTP/1.1 ", -1).length - 1;
    }

    @Test
    void bothLengthAndChunkedIsRefusedAndTheHiddenRequestNeverServed() throws Exception {
        double before = hits("http_smuggling");
        String answer = exchange("POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(1, responses(answer), "the smuggled request was not served: " + answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        assertEquals(before + 1, hits("http_smuggling"));
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }

    @Test
    void anUnknownTransferCodingIsRefused() throws Exception {
        double before = hits("http_smuggling");
        String answer = exchange("POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(1, responses(answer), answer);
        assertEquals(before + 1, hits("http_smuggling"));
    }

    @Test
    void anOversizedHeaderIsRefusedAndTheConnectionClosed() throws Exception {
        double before = hits("bad_http");
        String answer = exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(100_000)
                + "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer.substring(0, Math.min(200, answer.length())));
        assertEquals(1, responses(answer), answer);
        assertEquals(before + 1, hits("bad_http"));
        assertEquals(200, Http.get(server.port, "/healthz").statusCode());
    }

    @Test
    void threeThousandHeadersAreRefusedAndTheConnectionClosed() throws Exception {
        double before = hits("bad_http");
        StringBuilder req = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < 3_000; i++) req.append("X-H").append(i).append(": v\r\n");
        String answer = exchange(req.append("\r\n").toString());
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(1, responses(answer), answer);
        assertEquals(before + 1, hits("bad_http"));
    }

    @Test
    void anUndecodableRequestLineIsRefused() throws Exception {
        double before = hits("bad_http");
        String answer = exchange("GET /" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertEquals(before + 1, hits("bad_http"));
    }
}
