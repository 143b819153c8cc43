package io.skirmish.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** One raw TCP connection to the server, writing exactly the bytes a test gives, for HTTP abuse tests. */
final class RawConnection implements AutoCloseable {
    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void write(String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes; false if the server has closed the connection (the write failed). */
    boolean tryWrite(String ascii) {
        try {
            write(ascii);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one HTTP response head and its Content-Length body; returns the head and body as text. */
    String readResponse(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while (state < 4 && (c = in.read()) != -1) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String head = b.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    /** Everything the server sends until it closes the connection or {@code timeoutMs} pass. */
    String readAll(int timeoutMs) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        byte[] buf = new byte[8192];
        try {
            while (System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                int n = in.read(buf);
                if (n < 0) break;
                b.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // timeout or reset: what came so far
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** True once the server closed the connection (end of stream or reset) within {@code timeoutMs}. */
    boolean closedWithin(int timeoutMs) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        byte[] buf = new byte[4096];
        try {
            while (System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                if (in.read(buf) < 0) return true;
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
