package dev.placemat.workflows.compiler.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.StepScope;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ControlAction;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code control.loop}: runs {@code loop_actions} once per item of the array at {@code items_field}, at most
 * {@code max_iterations} times, with {@code loop: {index, item, total}} in the context. Compiles to a Camel split.
 */
public final class LoopAction implements ControlAction<LoopAction.Config> {

    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final int LIMIT = 10_000;

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("Path of the array to loop over, such as step_1.rows")
            String itemsField,
            @JsonProperty(required = true) @JsonPropertyDescription("Actions run for each item")
            List<NestedAction> loopActions,
            @JsonProperty(defaultValue = "100")
            @JsonPropertyDescription("At most this many items are processed (default 100, at most 10000)")
            @Min(1) @Max(LIMIT) Integer maxIterations) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("control.loop", "control", "For Each", "🔁",
                "Runs actions once for each item of a list", Config.class);
    }

    @Override
    public List<String> nestedBlocks() {
        return List.of("loop_actions");
    }

    /** The literal max_iterations (or its default); null when a template gives it. */
    @Override
    public Repeats repeats(JsonNode config) {
        JsonNode max = config.path("max_iterations");
        if (max.isMissingNode() || max.isNull()) {
            return new Repeats("max_iterations", DEFAULT_MAX_ITERATIONS);
        }
        return max.isIntegralNumber() ? new Repeats("max_iterations", max.asLong()) : null;
    }

    @Override
    public void compile(StepSpec step, StepScope scope) {
        scope.record(step, (config, context) -> {
            JsonNode items = context.at(config.path("items_field").asText());
            if (!items.isArray()) {
                throw StepFailure.permanent("items_field '" + config.path("items_field").asText()
                        + "' is not a list (it is " + (items.isMissingNode() ? "missing" : items.getNodeType()) + ")");
            }
            int limit = limit(config);
            if (limit == 0) {
                throw StepFailure.permanent("max_iterations must be between 1 and " + LIMIT + ", not "
                        + config.path("max_iterations").asText());
            }
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.put("items", items.size());
            output.put("iterations", Math.min(items.size(), limit));
            output.put("truncated", items.size() > limit);
            output.putArray("results");
            return output;
        });
        scope.split(step, (config, context) -> {
            JsonNode items = Paths.lookup(context, config.path("items_field").asText());
            List<JsonNode> list = new ArrayList<>();
            for (int i = 0; i < Math.min(items.size(), limit(config)); i++) {
                list.add(items.get(i).deepCopy());
            }
            return list;
        }, step.children("loop"));
    }

    /**
     * The resolved max_iterations (a number, or text holding one), or 0 when it is not a whole number from 1 to
     * LIMIT: the recorded step then fails, as validation refuses such a literal.
     */
    private static int limit(JsonNode config) {
        JsonNode max = config.path("max_iterations");
        if (max.isMissingNode() || max.isNull()) {
            return DEFAULT_MAX_ITERATIONS;
        }
        double value = Double.NaN;
        if (max.isNumber()) {
            value = max.asDouble();
        } else if (max.isTextual()) {
            try {
                value = Double.parseDouble(max.asText().strip());
            } catch (NumberFormatException e) {
                // not a number: refused below
            }
        }
        return value >= 1 && value <= LIMIT && value == Math.rint(value) ? (int) value : 0;
    }
}
