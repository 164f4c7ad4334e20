package dev.placemat.workflows.connectors.data;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.SharedExpression;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.placemat.workflows.connectors.common.PlainJson;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data.transform}: a JSONata expression (the language Node-RED users know) over the execution context, or
 * the design's form: {@code transformation} applied to the value at {@code input_field}, returned as
 * {@code {output_field: result}}. JSONata reaches neither code nor files; evaluation is bounded in
 * time, memory, depth and the size of its values (see {@link ExpressionBudget}).
 */
public final class DataTransformAction extends ComputingAction<DataTransformAction.Config> {

    static final long TIME_LIMIT_MS = 1_000;
    /** How many parsed expressions are kept, the most recently used: a deployed workflow's are parsed once. */
    private static final int PARSED_KEPT = 256;
    private static final Map<String, SharedExpression> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(PARSED_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SharedExpression> eldest) {
                    return size() > PARSED_KEPT;
                }
            });
    private static final ObjectMapper JSON = PlainJson.mapper();

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
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("data.transform", "data", "Transform Data", "🔄",
                "Reshapes data with a JSONata expression", Config.class);
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        if (config.expression() != null && !config.expression().isBlank()) {
            return evaluate(config.expression(), context.read(DataTransformAction::plain), context);
        }
        if (config.transformation() == null || config.inputField() == null) {
            throw StepFailure.permanent("give either expression, or input_field with transformation");
        }
        Object input = context.read(data -> plain(Paths.lookup(data, config.inputField())));
        JsonNode result = evaluate(config.transformation(), input, context);
        String field = config.outputField() == null || config.outputField().isBlank() ? "result" : config.outputField();
        return JsonNodeFactory.instance.objectNode().set(field, result);
    }

    /**
     * Evaluates within an {@link ExpressionBudget}: at most a second (less when the step has less time left), and
     * bounded in memory, depth and the size of every value, with the functions that build large values replaced by
     * {@link BoundedFunctions}.
     */
    private JsonNode evaluate(String expression, Object data, StepContext context) throws StepFailure {
        SharedExpression jsonata = parse(expression);
        long limit = Math.max(1, Math.min(TIME_LIMIT_MS, context.timeLeft().toMillis()));
        ExpressionBudget budget = new ExpressionBudget(limit, context::cancelled);
        Jsonata.Frame frame = jsonata.createFrame();
        budget.install(frame);
        BoundedFunctions.install(frame, budget, expression);
        try {
            Object value = jsonata.evaluate(data, frame);
            new JsonLength(budget::checkResult, false).of(value, 0);
            return value == null || value == Jsonata.NULL_VALUE ? JsonNodeFactory.instance.nullNode()
                    : JSON.valueToTree(value);
        } catch (RuntimeException | StackOverflowError e) {
            if (budget.exceeded() != null) {
                throw StepFailure.permanent(budget.exceeded().getMessage());
            }
            if (e instanceof StackOverflowError) {
                throw StepFailure.permanent("the expression nests too deeply (a recursive function that does not end?)");
            }
            throw StepFailure.permanent("JSONata evaluation failed: " + message((RuntimeException) e));
        }
    }

    /**
     * A JSON value as the plain values JSONata works on (maps, lists, strings, numbers of the node's own type,
     * booleans; null for JSON null and for a path that leads nowhere), built in one walk: Jackson's
     * {@code convertValue} writes the tree into a token buffer and reads it back.
     */
    static Object plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(plain(item)));
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case NUMBER -> {
                return node.numberValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL, MISSING -> {
                return null;
            }
            default -> {
                return JSON.convertValue(node, Object.class);
            }
        }
    }

    /**
     * The expression parsed, from the ones kept or now. Parsing compiles a regular expression per token: it was the
     * largest part of a transform step's time (bench/README.md, seventeenth session).
     */
    private static SharedExpression parse(String expression) throws StepFailure {
        SharedExpression parsed = PARSED.get(expression);
        if (parsed == null) {
            try {
                parsed = SharedExpression.parse(expression);
            } catch (RuntimeException e) {
                throw StepFailure.permanent("the JSONata expression cannot be parsed: " + message(e));
            }
            PARSED.put(expression, parsed);
        }
        return parsed;
    }

    private static String message(RuntimeException e) {
        String text = e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text;
    }
}
