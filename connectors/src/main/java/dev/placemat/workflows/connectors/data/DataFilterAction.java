package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.definition.Condition;
import dev.placemat.workflows.definition.TriggerType.ConditionConfig;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import dev.placemat.workflows.validation.Conditions;
import dev.placemat.workflows.validation.ConfigMapper;
import dev.placemat.workflows.validation.Errors;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code data.filter}: the items of a list that meet conditions in the design's format ({@code {field, operator,
 * value}}, fields relative to each item). Output: {@code {items, count}}.
 */
public final class DataFilterAction extends ComputingAction<DataFilterAction.Config> {

    /** Whether every condition must hold, or one is enough. */
    public enum Match { all, any }

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("Path of the list to filter, such as step_1.rows")
            String source,
            @JsonProperty(required = true)
            @JsonPropertyDescription("Conditions on each item, such as {\"field\": \"status\", \"operator\": "
                    + "\"equals\", \"value\": \"Active\"}") List<ConditionConfig> conditions,
            @JsonProperty(defaultValue = "all")
            @JsonPropertyDescription("all (default): every condition must hold; any: one is enough") Match match) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("data.filter", "data", "Filter", "🔍",
                "Keeps the items of a list that meet conditions", Config.class);
    }

    @Override
    public List<String> conditionFields() {
        return List.of("conditions");
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        List<Condition> conditions = conditions(config.conditions());
        boolean any = config.match() == Match.any;
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : SourceItems.of(config.source(), context)) {
            if (any ? conditions.stream().anyMatch(c -> holds(c, item))
                    : conditions.stream().allMatch(c -> holds(c, item))) {
                kept.add(item);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("items", kept);
        out.put("count", kept.size());
        return out;
    }

    private static boolean holds(Condition condition, JsonNode item) {
        JsonNode expected = condition.value() == null ? JsonNodeFactory.instance.missingNode() : condition.value();
        return condition.operator().test(Paths.lookup(item, condition.field()), expected);
    }

    private static List<Condition> conditions(List<ConditionConfig> given) throws StepFailure {
        if (given == null || given.isEmpty()) {
            throw StepFailure.permanent("conditions is empty; give at least one {field, operator, value}");
        }
        Errors errors = new Errors();
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (ConditionConfig c : given) {
            ObjectNode condition = json.addObject().put("field", c.field()).put("operator", c.operator());
            if (c.value() != null) {
                condition.set("value", ConfigMapper.toJson(c.value()));
            }
        }
        List<Condition> conditions = Conditions.read(json, "conditions", errors);
        if (!errors.isEmpty()) {
            throw StepFailure.permanent(errors.list().stream().map(e -> e.path() + ": " + e.message())
                    .collect(Collectors.joining("; ")));
        }
        return conditions;
    }
}
