package dev.placemat.workflows.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local service that echoes each request back: {@code /echo} answers JSON with the request's headers (names in
 * lower case) and query, and sends credentials back in its own headers ({@code Set-Cookie}, {@code X-Api-Key});
 * {@code /redirect?to=<url>} answers 302 to that URL. Every request is kept, so that tests can tell what reached it.
 */
public final class EchoServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived: the Host header and the Authorization header (null when none). */
    public record Received(String host, String path, String authorization) {}

    private static EchoServer shared;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One echo service for every test of the JVM, stopped with it. */
    public static synchronized EchoServer shared() {
        if (shared == null) {
            try {
                shared = new EchoServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "echo-server-stop"));
        }
        return shared;
    }

    public EchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", this::echo);
        server.createContext("/redirect", this::redirect);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL on a host name that leads here ({@code 127.0.0.1} or {@code localhost}). */
    public String base(String host) {
        return "http://" + host + ":" + port();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void echo(HttpExchange exchange) throws IOException {
        keep(exchange);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode headers = answer.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        ObjectNode query = answer.putObject("query");
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        answer.put("raw_headers", exchange.getRequestHeaders().entrySet().stream()
                .map(h -> h.getKey() + ": " + String.join(",", h.getValue())).reduce("", (a, b) -> a + b + "\n"));
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.getResponseHeaders().add("Set-Cookie", "session=" + (auth == null ? "none" : auth.replace(' ', '_')));
        exchange.getResponseHeaders().add("X-Api-Key", auth == null ? "none" : auth);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void redirect(HttpExchange exchange) throws IOException {
        keep(exchange);
        String to = decode(exchange.getRequestURI().getRawQuery().replaceFirst("^to=", ""));
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void keep(HttpExchange exchange) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization")));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
