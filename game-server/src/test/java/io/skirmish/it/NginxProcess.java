package io.skirmish.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Debian's {@code nginx} as the cluster's one public address, on 127.0.0.1 and a free port, running
 * the README's documented site configuration ({@code scripts/nginx-cluster.conf}) with the nodes'
 * real ports put in. Everything it writes stays in a temporary directory.
 */
final class NginxProcess implements AutoCloseable {
    final int port;
    private final Path dir;
    private Process process;

    NginxProcess() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("nginx");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts nginx in front of these node ports (node 1 first) and returns once it accepts connections. */
    void start(List<Integer> nodePorts) throws Exception {
        String site = Files.readString(Path.of("..", "scripts", "nginx-cluster.conf"))
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
        for (int i = 0; i < 3; i++) {
            int to = nodePorts.get(Math.min(i, nodePorts.size() - 1));
            site = site.replace("127.0.0.1:" + (3001 + i), "127.0.0.1:" + to);
        }
        Files.writeString(dir.resolve("site.conf"), site);
        for (String d : List.of("body", "proxy")) {
            Files.createDirectories(dir.resolve(d));
            dir.resolve(d).toFile().setWritable(true, false); // the worker may run as another user
        }
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 512; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + dir.resolve("body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  include " + dir.resolve("site.conf") + ";",
                "}", ""));
        String exe = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        process = new ProcessBuilder(exe, "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended: " + Files.readString(dir.resolve("out.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy(); // SIGTERM: nginx's fast shutdown
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }
}
