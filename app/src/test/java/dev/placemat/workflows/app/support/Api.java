package dev.placemat.workflows.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the app under test, as a user's script would call it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;
    private final HttpClient http;
    private final java.net.CookieManager cookies;

    Api(int port, String token) {
        this(port, token, HTTP, null);
    }

    private Api(int port, String token, HttpClient http, java.net.CookieManager cookies) {
        this.port = port;
        this.token = token;
        this.http = http;
        this.cookies = cookies;
    }

    /** A client acting with an API token. */
    public static Api withToken(int port, String token) {
        return new Api(port, token);
    }

    /**
     * A designer session: signs in (the answer is not checked, so that a failed sign-in can be tested), keeps the
     * session cookie and sends the CSRF token with every write, as the designer does.
     */
    public static Api session(int port, String username, String password) {
        return signIn(port, Map.of("username", username, "password", password));
    }

    /** A designer session signed in with {@code login} as the body of {@code POST /api/auth/login}. */
    public static Api signIn(int port, Object login) {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
        Api api = new Api(port, null, client, cookies);
        api.lastSignIn = api.post("/api/auth/login", login);
        return api;
    }

    private Answer lastSignIn;

    /** The answer to the sign-in of a session. */
    public Answer signInAnswer() {
        return lastSignIn;
    }

    /** An answer: status, headers and body (parsed when it is JSON). */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public Answer expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", text).isEqualTo(expected);
            return this;
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), java.util.List.of()).stream().findFirst().orElse(null);
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** A raw request: method, path, content type and body as given, plus extra headers (name, value, ...). */
    public Answer raw(String method, String path, String contentType, String body, String... headers) {
        return rawBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** A raw request with a body of bytes as given (compressed, or in another charset). */
    public Answer rawBytes(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** Creates and deploys a workflow; returns it as the API shows it. */
    public JsonNode deploy(Object definition) {
        JsonNode created = post("/api/workflows", definition).expect(201).json();
        return post("/api/workflows/" + created.get("id").asText() + "/deploy", null).expect(200).json();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        if (cookies != null) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .ifPresent(c -> builder.header("X-XSRF-TOKEN", c.getValue()));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        if (body == null) {
            return "";
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
