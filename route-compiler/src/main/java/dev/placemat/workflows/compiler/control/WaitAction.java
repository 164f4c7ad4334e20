package dev.placemat.workflows.compiler.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.compiler.StepScope;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code control.wait}: pauses the execution for {@code duration_seconds} (at most 30 days) without holding a thread.
 * Compiles to a recorded step (which checks the duration) followed by an asynchronous Camel delay.
 */
public final class WaitAction implements ControlAction<WaitAction.Config> {

    /** 30 days. */
    public static final long MAX_SECONDS = 2_592_000;

    public record Config(
            @JsonProperty(required = true)
            @JsonPropertyDescription("How long to wait, in seconds (at most 2592000: 30 days)")
            @Min(0) @Max(MAX_SECONDS) Double durationSeconds) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("control.wait", "control", "Wait", "⏱️",
                "Pauses the workflow for a while", Config.class);
    }

    @Override
    public void compile(StepSpec step, StepScope scope) {
        scope.record(step, (config, context) -> {
            double seconds = seconds(config);
            if (seconds < 0 || seconds > MAX_SECONDS || Double.isNaN(seconds)) {
                throw StepFailure.permanent("duration_seconds must be between 0 and " + MAX_SECONDS
                        + ", not " + config.path("duration_seconds").asText());
            }
            return JsonNodeFactory.instance.objectNode().put("waited", seconds);
        });
        scope.delay(step, config -> (long) (Math.max(0, Math.min(seconds(config), MAX_SECONDS)) * 1000));
    }

    private static double seconds(JsonNode config) {
        JsonNode value = config.path("duration_seconds");
        return value.isNumber() || value.isTextual() ? value.asDouble(Double.NaN) : Double.NaN;
    }
}
