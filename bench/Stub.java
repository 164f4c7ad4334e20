import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the third-party API the benchmark workflow calls: answers every request with a small JSON.
 * The JDK's server is set (before it is created, as it reads these once) to close no connection the platform might
 * reuse: by default it closes a connection right after its response, without saying so, once 200 others are idle
 * (three nodes' pools hold more), and closes connections idle for 30 s at ticks of 10 s, racing requests that arrive
 * then: the likely causes of the few HTTP steps that failed in runs of 2026-12-05 ("Connection closed by peer",
 * bench/README.md). The platform's pool closes its idle connections after 60 s itself. TCP_NODELAY: without it the
 * server delays each small answer by ~40 ms (Nagle and delayed ACKs).
 */
public class Stub {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"ok\":true,\"id\":\"D-1\"}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }
}
