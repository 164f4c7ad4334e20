package dev.placemat.workflows.connectors.data;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.template.Paths;

/**
 * {@code data.transform}: a JSONata expression (the language Node-RED users know) over the execution context, or
 * the design's form: {@code transformation} applied to the value at {@code input_field}, returned as
 * {@code {output_field: result}}. JSONata reaches neither code nor files; evaluation is bounded in time and depth.
 */
public final class DataTransformAction implements TaskAction<DataTransformAction.Config> {

    static final long TIME_LIMIT_MS = 1_000;
    static final int DEPTH_LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Config(
            @JsonPropertyDescription("A JSONata expression over the whole context, such as step_1.rows[amount > 10]")
            String expression,
            @JsonPropertyDescription("Path of the input value (the design's form), such as webhook_data.items")
            String inputField,
            @JsonPropertyDescription("JSONata applied to the input value, such as $sum(amount)")
            String transformation,
            @JsonProperty(defaultValue = "result")
            @JsonPropertyDescription("Name of the output field (default: result)")
            String outputField) {}

    @Override
    public boolean computesOnly() {
        return true;
    }

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("data.transform", "data", "Transform Data", "🔄",
                "Reshapes data with a JSONata expression", Config.class);
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        if (config.expression() != null && !config.expression().isBlank()) {
            return evaluate(config.expression(), context.data());
        }
        if (config.transformation() == null || config.inputField() == null) {
            throw StepFailure.permanent("give either expression, or input_field with transformation");
        }
        JsonNode input = Paths.lookup(context.data(), config.inputField());
        JsonNode result = evaluate(config.transformation(), input.isMissingNode() ? null : input);
        String field = config.outputField() == null || config.outputField().isBlank() ? "result" : config.outputField();
        return JsonNodeFactory.instance.objectNode().set(field, result);
    }

    private JsonNode evaluate(String expression, JsonNode input) throws StepFailure {
        Jsonata jsonata = parse(expression);
        Jsonata.Frame frame = jsonata.createFrame();
        frame.setRuntimeBounds(TIME_LIMIT_MS, DEPTH_LIMIT);
        try {
            Object value = jsonata.evaluate(input == null ? null : JSON.convertValue(input, Object.class), frame);
            return value == null || value == Jsonata.NULL_VALUE ? JsonNodeFactory.instance.nullNode()
                    : JSON.valueToTree(value);
        } catch (RuntimeException e) {
            throw StepFailure.permanent("JSONata evaluation failed: " + message(e));
        }
    }

    /**
     * A new instance per evaluation: an evaluated {@code Jsonata} keeps the last evaluation's frame as its
     * environment, so a shared one grows a longer chain of frames with every run (slower each time, then a stack
     * overflow) and is not safe across threads. Parsing costs a few microseconds.
     */
    private static Jsonata parse(String expression) throws StepFailure {
        try {
            return Jsonata.jsonata(expression);
        } catch (RuntimeException e) {
            throw StepFailure.permanent("the JSONata expression cannot be parsed: " + message(e));
        }
    }

    private static String message(RuntimeException e) {
        String text = e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text;
    }
}
