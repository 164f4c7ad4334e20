package dev.placemat.workflows.connectors.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a report template sees: {@code title}, {@code generated_at}, the step's {@code data} as it is, and, for
 * {@code data.aggregate}'s output, {@code groups} and {@code totals} ready to print: each group with a {@code label}
 * (its group-by values) and numbers formatted as {@code 1,234.5}.
 */
final class ReportModel {

    private static final Set<String> CALCULATIONS = Set.of("count", "sum", "average", "min", "max");

    private ReportModel() {}

    static ObjectNode of(String title, String generatedAt, JsonNode data) {
        ObjectNode model = JsonNodeFactory.instance.objectNode();
        model.put("title", title);
        model.put("generated_at", generatedAt);
        model.set("data", data);
        ArrayNode groups = model.putArray("groups");
        data.path("groups").forEach(group -> groups.add(printable(group)));
        model.put("has_groups", !groups.isEmpty());
        if (data.path("totals").isObject()) {
            model.set("totals", printable(data.path("totals")));
        }
        return model;
    }

    private static ObjectNode printable(JsonNode group) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        List<String> label = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = group.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (CALCULATIONS.contains(field.getKey())) {
                row.put(field.getKey(), format(field.getValue()));
            } else {
                label.add(field.getValue().isNull() ? "(none)" : text(field.getValue()));
            }
        }
        row.put("label", label.isEmpty() ? "All" : String.join(" · ", label));
        return row;
    }

    private static String format(JsonNode value) {
        if (value.isNumber()) {
            DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return format.format(value.decimalValue().setScale(2, RoundingMode.HALF_UP));
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + format(e.getValue())));
            return String.join(", ", parts);
        }
        return value.isNull() ? "" : text(value);
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
