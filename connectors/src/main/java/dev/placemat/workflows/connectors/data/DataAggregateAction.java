package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data.aggregate}: groups the items of a list by fields and calculates sum, count, average, min and max of a
 * numeric field. Output: {@code {groups: [{<group_by fields>, count, sum, average, ...}], totals: {...}}}; with
 * several {@code fields}, each calculation is an object by field ({@code sum: {amount: 10, hours: 3}}).
 */
public final class DataAggregateAction extends ComputingAction<DataAggregateAction.Config> {

    /** What to calculate per group. */
    public enum Calculation { sum, count, average, min, max }

    /** Windows ending now for {@code date_range}: a day, 7, 30, 91 or 365 days. */
    public enum DateWindow { last_day, last_week, last_month, last_quarter, last_year }

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("Path of the list, such as step_1.rows")
            String source,
            @JsonPropertyDescription("The numeric field to calculate on, such as amount") String field,
            @JsonPropertyDescription("Several numeric fields (instead of field)") List<String> fields,
            @JsonPropertyDescription("Fields to group by, such as [\"category\", \"project\"]") List<String> groupBy,
            @JsonPropertyDescription("Calculations (default: all)") List<Calculation> calculations,
            @JsonPropertyDescription("Only items whose date_field lies in this range ending now")
            DateWindow dateRange,
            @JsonProperty(defaultValue = "date")
            @JsonPropertyDescription("Field holding each item's ISO date, for date_range (default: date)")
            String dateField) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("data.aggregate", "data", "Aggregate", "📊",
                "Groups a list and calculates sums, counts, averages, minimums and maximums", Config.class);
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        List<String> fields = fields(config);
        List<String> groupBy = config.groupBy() == null ? List.of() : config.groupBy();
        List<Calculation> calculations = config.calculations() == null || config.calculations().isEmpty()
                ? List.of(Calculation.values()) : config.calculations().stream().distinct().toList();
        DateRange range = DateRange.of(config.dateRange(), config.dateField());
        Map<List<JsonNode>, Group> groups = new LinkedHashMap<>();
        Group totals = new Group(List.of(), fields);
        JsonNode items = SourceItems.of(config.source(), context);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!range.includes(item, i)) {
                continue;
            }
            List<JsonNode> key = new ArrayList<>();
            groupBy.forEach(g -> key.add(value(item, g)));
            groups.computeIfAbsent(key, k -> new Group(k, fields)).add(item, i);
            totals.add(item, i);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var list = out.putArray("groups");
        groups.values().forEach(g -> list.add(g.toJson(groupBy, calculations, config.fields() != null)));
        out.set("totals", totals.toJson(List.of(), calculations, config.fields() != null));
        return out;
    }

    private static List<String> fields(Config config) throws StepFailure {
        List<String> fields = new ArrayList<>();
        if (config.field() != null && !config.field().isBlank()) {
            fields.add(config.field().strip());
        }
        if (config.fields() != null) {
            config.fields().stream().filter(f -> f != null && !f.isBlank()).map(String::strip).forEach(fields::add);
        }
        if (fields.isEmpty()) {
            throw StepFailure.permanent("give field (or fields): the numeric field to calculate on, such as amount");
        }
        for (String f : fields) {
            if (!Paths.isValid(f)) {
                throw StepFailure.permanent("'" + f + "' is not a field name or path");
            }
        }
        return fields.stream().distinct().toList();
    }

    private static JsonNode value(JsonNode item, String path) {
        JsonNode value = Paths.lookup(item, path);
        return value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value;
    }
}
