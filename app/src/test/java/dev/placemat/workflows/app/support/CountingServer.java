package dev.placemat.workflows.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local service that counts the calls it gets by what they ask for ({@code /call?id=<anything>}), answers after
 * {@code ms} milliseconds when asked to ({@code &ms=3000}), and tells which calls are being answered now. Tests
 * assert with it that a step ran once, or ran again.
 */
public final class CountingServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public CountingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/call", this::answer);
        server.start();
    }

    public String url(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/call?id=" + id;
    }

    /** How many times the call with this id came. */
    public int calls(String id) {
        AtomicInteger n = calls.get(id);
        return n == null ? 0 : n.get();
    }

    /** Whether a call with this id is being answered now. */
    public boolean inFlight(String id) {
        AtomicInteger n = inFlight.get(id);
        return n != null && n.get() > 0;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String id = query.getOrDefault("id", "");
        calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger running = inFlight.computeIfAbsent(id, k -> new AtomicInteger());
        running.incrementAndGet();
        try {
            long ms = Long.parseLong(query.getOrDefault("ms", "0"));
            Thread.sleep(ms);
            byte[] body = ("{\"id\":\"" + id + "\",\"method\":\"" + exchange.getRequestMethod() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
            exchange.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new ConcurrentHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
