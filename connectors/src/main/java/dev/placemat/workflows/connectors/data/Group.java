package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.data.DataAggregateAction.Calculation;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Paths;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One group of {@code data.aggregate}: its key and the statistics of each field. */
final class Group {

    static final int MAX_DIGITS = 1000;

    private final List<JsonNode> key;
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private long count;

    Group(List<JsonNode> key, List<String> fields) {
        this.key = key;
        fields.forEach(f -> stats.put(f, new Stats()));
    }

    void add(JsonNode item, int index) throws StepFailure {
        count++;
        for (Map.Entry<String, Stats> field : stats.entrySet()) {
            BigDecimal number = number(Paths.lookup(item, field.getKey()), field.getKey(), index);
            if (number != null) {
                field.getValue().add(number);
            }
        }
    }

    ObjectNode toJson(List<String> groupBy, List<Calculation> calculations, boolean byField) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < groupBy.size(); i++) {
            out.set(groupBy.get(i), key.get(i));
        }
        for (Calculation calculation : calculations) {
            if (calculation == Calculation.count) {
                out.put("count", count);
            } else if (byField) {
                ObjectNode perField = out.putObject(calculation.name());
                stats.forEach((field, s) -> perField.set(field, s.get(calculation)));
            } else {
                out.set(calculation.name(), stats.values().iterator().next().get(calculation));
            }
        }
        return out;
    }

    /**
     * The item's value as a number; null when it has none; a failure when it is not a number, or has more than
     * {@link #MAX_DIGITS} digits before or after the point (exact sums of 1e99999999 and 1 take minutes).
     */
    private static BigDecimal number(JsonNode value, String field, int index) throws StepFailure {
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (number == null) {
            throw StepFailure.permanent("item " + index + " has " + field + " = " + value + ", which is not a number");
        }
        if (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            throw StepFailure.permanent("item " + index + " has " + field + " = " + value + ", a number of more than "
                    + MAX_DIGITS + " digits before or after the decimal point");
        }
        return number;
    }
}
