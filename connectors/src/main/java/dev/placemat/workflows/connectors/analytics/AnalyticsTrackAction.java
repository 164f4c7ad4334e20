package dev.placemat.workflows.connectors.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.connectors.http.HttpCaller;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.AnalyticsEvents;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.validation.ConfigMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@code analytics.track}: records an event in the platform's analytics store and, when {@code forward_url} is given,
 * posts it there first (through the shared outbound client and the outbound guard), so that a failed forward records nothing and a
 * retry does not count the event twice. Output: {@code {event_id, event_name}}.
 */
public final class AnalyticsTrackAction implements TaskAction<AnalyticsTrackAction.Config> {

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(15);

    public record Config(
            @JsonProperty(required = true)
            @JsonPropertyDescription("Event name: letters, digits and . _ : - (at most 100), such as project.created")
            String eventName,
            @JsonPropertyDescription("Event properties, an object such as {\"project\": \"{{step_1.name}}\"}")
            Map<String, Object> properties,
            @JsonPropertyDescription("http or https URL that also receives the event as JSON (optional)")
            String forwardUrl) {}

    private final HttpCaller caller = new HttpCaller();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("analytics.track", "analytics", "Track Event", "📈",
                "Records an analytics event, optionally forwarding it to another service", Config.class);
    }

    @Override
    public CompletableFuture<ObjectNode> execute(Config config, StepContext context) throws StepFailure {
        String name = config.eventName() == null ? "" : config.eventName().strip();
        if (!EVENT_NAME.matcher(name).matches()) {
            throw StepFailure.permanent("event_name must be 1 to 100 letters, digits or . _ : -, not '" + name + "'");
        }
        JsonNode properties = config.properties() == null ? JsonNodeFactory.instance.objectNode()
                : ConfigMapper.toJson(config.properties());
        CompletableFuture<Void> forwarded = config.forwardUrl() == null || config.forwardUrl().isBlank()
                ? CompletableFuture.completedFuture(null) : forward(config.forwardUrl().strip(), name, properties, context);
        return forwarded.thenApply(done -> {
            String id = context.services().require(AnalyticsEvents.class)
                    .record(name, properties, context.workflowId(), context.executionId());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("event_id", id);
            out.put("event_name", name);
            return out;
        });
    }

    /**
     * Not safe: a second run counts the event twice and forwards it twice (the forward carries the step's
     * Idempotency-Key, but the platform's own store has no such check).
     */
    @Override
    public boolean repeatSafe(Config config) {
        return false;
    }

    private CompletableFuture<Void> forward(String url, String name, JsonNode properties, StepContext context)
            throws StepFailure {
        URI uri = HttpCall.absoluteUri(url, "forward_url");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("event_name", name);
        event.set("properties", properties);
        event.put("workflow_id", context.workflowId());
        event.put("execution_id", context.executionId());
        event.put("occurred_at", Instant.now().toString());
        HttpCall call = HttpCall.json("POST", uri, Map.of(), event, Timeouts.within(FORWARD_TIMEOUT, context));
        return Stages.then(caller.send(call, context), answer -> {
            if (answer.status() >= 400) {
                throw answer.failure("forwarding the event to " + uri.getHost() + " failed with HTTP "
                        + answer.status() + " " + answer.reason());
            }
            return null;
        });
    }
}
