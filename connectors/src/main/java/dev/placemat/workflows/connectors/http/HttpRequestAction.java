package dev.placemat.workflows.connectors.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Map;

/**
 * {@code http.request}: one HTTP call through camel-http, to an address the outbound guard allows, following
 * redirects itself so that every hop is checked. The output is {@code {status, headers, body}}; a JSON response's
 * body is parsed. A 4xx fails the step for good; a 5xx or a timeout fails it so that it may be retried.
 */
public final class HttpRequestAction implements TaskAction<HttpRequestAction.Config> {

    /** HTTP methods the action sends. */
    public enum Method { GET, POST, PUT, PATCH, DELETE, HEAD }

    public record Config(
            @JsonProperty(defaultValue = "GET") @JsonPropertyDescription("HTTP method (default GET)") Method method,
            @JsonProperty(required = true) @JsonPropertyDescription("Absolute http or https URL") String url,
            @JsonPropertyDescription("Request headers") Map<String, String> headers,
            @JsonPropertyDescription("Query parameters, added to the URL") Map<String, Object> query,
            @JsonPropertyDescription("Request body: an object or array is sent as JSON, text as it is") JsonNode body,
            @JsonPropertyDescription("Name of an http connection giving bearer or basic auth") String connection,
            @JsonProperty(defaultValue = "30")
            @JsonPropertyDescription("Seconds to wait for the answer (default 30)") Integer timeoutSeconds,
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
    public Object execute(Config config, StepContext context) throws StepFailure {
        HttpCall call = HttpCall.from(config, context);
        HttpAnswer answer = caller.call(call, context);
        if (!Boolean.FALSE.equals(config.failOnError()) && answer.status() >= 400) {
            throw answer.failure("HTTP " + answer.status() + " from " + call.uri().getHost());
        }
        return answer.toOutput();
    }
}
