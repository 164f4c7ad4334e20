package dev.placemat.workflows.compiler.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.StepScope;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.runtime.Waiting;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/**
 * {@code control.wait}: pauses the execution for {@code duration_seconds} (at most 30 days) without holding a
 * thread. The step is recorded as waiting, with the time it waits until, as it starts, and as completed when the
 * wait is over. A wait longer than the engine's durable threshold suspends the execution: it survives restarts and
 * is resumed by whichever node is alive when the time comes.
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
        scope.wait(step, (config, context) -> {
            double seconds = seconds(config);
            if (seconds < 0 || seconds > MAX_SECONDS || Double.isNaN(seconds)) {
                throw StepFailure.permanent("duration_seconds must be between 0 and " + MAX_SECONDS
                        + ", not " + config.path("duration_seconds").asText());
            }
            Instant until = Instant.now().plusMillis((long) (seconds * 1000));
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.put("duration_seconds", seconds);
            output.put(Waiting.UNTIL_FIELD, until.toString());
            return new Waiting(until, output);
        });
    }

    private static double seconds(JsonNode config) {
        JsonNode value = config.path("duration_seconds");
        return value.isNumber() || value.isTextual() ? value.asDouble(Double.NaN) : Double.NaN;
    }
}
