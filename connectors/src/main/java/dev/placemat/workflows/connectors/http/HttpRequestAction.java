package dev.placemat.workflows.connectors.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.OutboundUrl;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.TaskAction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code http.request}: one HTTP call through the shared asynchronous client, to an address the outbound guard
 * allows, following redirects itself so that every hop is checked. The output is {@code {status, headers, body}};
 * a JSON response's body is parsed. A 4xx fails the step for good; a 5xx or a timeout fails it so that it may be
 * retried, after at least the wait a 429 or 503 asks for in {@code Retry-After}.
 */
public final class HttpRequestAction implements TaskAction<HttpRequestAction.Config> {

    /** HTTP methods the action sends. */
    public enum Method { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS }

    /** Methods that HTTP defines as idempotent: sending one twice has the effect of sending it once. */
    private static final Set<Method> IDEMPOTENT = Set.of(Method.GET, Method.HEAD, Method.PUT, Method.DELETE,
            Method.OPTIONS);

    public record Config(
            @JsonProperty(defaultValue = "GET") @JsonPropertyDescription("HTTP method (default GET)") Method method,
            @JsonProperty(required = true) @JsonPropertyDescription("Absolute http or https URL") @OutboundUrl String url,
            @JsonPropertyDescription("Request headers") Map<String, String> headers,
            @JsonPropertyDescription("Query parameters, added to the URL") Map<String, Object> query,
            @JsonPropertyDescription("Request body: an object or array is sent as JSON, text as it is") JsonNode body,
            @JsonPropertyDescription("Name of an http connection giving bearer or basic auth") String connection,
            @JsonProperty(defaultValue = "30")
            @JsonPropertyDescription("Seconds to wait for the answer (default 30, at most 600)") @Min(1) @Max(600)
            Integer timeoutSeconds,
            @JsonProperty(defaultValue = "true")
            @JsonPropertyDescription("Whether to follow redirects, each checked like the first address (default true)")
            Boolean followRedirects,
            @JsonProperty(defaultValue = "true")
            @JsonPropertyDescription("Whether a 4xx or 5xx answer fails the step (default true)")
            Boolean failOnError) {}

    private final HttpCaller caller = new HttpCaller();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("http.request", "http", "HTTP Request", "🌐",
                "Calls an HTTP API and returns its status, headers and body", Config.class);
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", "http", null));
    }

    @Override
    public CompletableFuture<JsonNode> execute(Config config, StepContext context) {
        return Stages.start(nothing -> {
            HttpCall call = HttpCall.from(config, context);
            return Stages.then(caller.send(call, context), answer -> {
                if (!Boolean.FALSE.equals(config.failOnError()) && answer.status() >= 400) {
                    throw answer.failure();
                }
                return answer.toOutput();
            });
        });
    }

    /** GET, HEAD, PUT, DELETE and OPTIONS are idempotent by HTTP's definition; a POST or PATCH may act twice. */
    @Override
    public boolean repeatSafe(Config config) {
        return IDEMPOTENT.contains(config.method() == null ? Method.GET : config.method());
    }
}
