package dev.placemat.workflows.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.common.PlainJson;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.spi.CamelHeaders;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One outbound request, checked and ready to send: absolute URI, headers without Camel names, a body, and the largest
 * answer body accepted. Other actions build theirs with {@link #of}.
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, Duration timeout,
        boolean followRedirects, int maxBodyBytes) {

    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

    public HttpCall {
        headers = Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (CamelHeaders.isControl(name)) {
                throw new IllegalArgumentException("header '" + name + "' is reserved and cannot be sent");
            }
        }
    }

    /** A call that follows redirects (each checked by the guard) and accepts answers up to 10 MB. */
    public static HttpCall of(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        return new HttpCall(method, uri, headers, body, timeout, true, DEFAULT_MAX_BODY_BYTES);
    }

    /** A call whose body is {@code body} as JSON (numbers written plainly), following redirects. */
    public static HttpCall json(String method, URI uri, Map<String, String> headers, JsonNode body, Duration timeout) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.putIfAbsent("Content-Type", "application/json");
        return of(method, uri, withType, body == null ? null : PlainJson.write(body), timeout);
    }

    /** The same call, accepting answers up to {@code bytes}. */
    public HttpCall withMaxBodyBytes(int bytes) {
        return new HttpCall(method, uri, headers, body, timeout, followRedirects, bytes);
    }

    static HttpCall from(HttpRequestAction.Config config, StepContext context) throws StepFailure {
        String method = config.method() == null ? "GET" : config.method().name();
        URI uri = uri(config.url(), config.query());
        Map<String, String> headers = new LinkedHashMap<>();
        if (config.headers() != null) {
            for (Map.Entry<String, String> h : config.headers().entrySet()) {
                if (CamelHeaders.isControl(h.getKey())) {
                    throw StepFailure.permanent("header '" + h.getKey() + "' is reserved and cannot be sent");
                }
                headers.put(h.getKey(), h.getValue() == null ? "" : h.getValue());
            }
        }
        if (config.connection() != null && !config.connection().isBlank()) {
            Connections connections = context.services().require(Connections.class);
            Map<String, String> fields = connections.get(config.connection(), "http");
            connections.checkDestination(config.connection(), uri);
            headers.put("Authorization", authorization(fields));
        }
        String body = body(config.body(), headers);
        int seconds = config.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : config.timeoutSeconds();
        Duration timeout = Timeouts.within(Duration.ofSeconds(Math.max(1, seconds)), context);
        return new HttpCall(method, uri, headers, body, timeout, !Boolean.FALSE.equals(config.followRedirects()),
                DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * {@code url} as an absolute http or https URI; the failure names {@code what} (such as "source_url") but never
     * repeats the value, which may hold a secret.
     */
    public static URI absoluteUri(String url, String what) throws StepFailure {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw StepFailure.permanent(what + " must be an absolute http or https URL");
    }

    private static URI uri(String url, Map<String, Object> query) throws StepFailure {
        if (url == null || url.isBlank()) {
            throw StepFailure.permanent("url is empty after templates were resolved");
        }
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw StepFailure.permanent("url must be an absolute http or https URL, not '" + url + "'");
            }
            if (query == null || query.isEmpty()) {
                return uri;
            }
            StringBuilder q = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            for (Map.Entry<String, Object> p : query.entrySet()) {
                if (!q.isEmpty()) {
                    q.append('&');
                }
                q.append(encode(p.getKey())).append('=').append(encode(p.getValue() == null ? "" : p.getValue().toString()));
            }
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + "?" + q);
        } catch (URISyntaxException e) {
            throw StepFailure.permanent("url is not a valid URL: " + e.getReason());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String body(JsonNode body, Map<String, String> headers) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (body.isTextual()) {
            headers.putIfAbsent("Content-Type", "text/plain; charset=utf-8");
            return body.asText();
        }
        headers.putIfAbsent("Content-Type", "application/json");
        return PlainJson.write(body);
    }

    static String authorization(Map<String, String> connection) throws StepFailure {
        String token = connection.get("bearer_token");
        if (token != null && !token.isBlank()) {
            return "Bearer " + token;
        }
        String user = connection.get("username");
        if (user != null) {
            String pair = user + ":" + connection.getOrDefault("password", "");
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        throw StepFailure.permanent("the http connection has neither bearer_token nor username");
    }
}
