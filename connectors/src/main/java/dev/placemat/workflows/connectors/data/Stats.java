package dev.placemat.workflows.connectors.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;

/** Running sum, count, minimum and maximum of one numeric field, in exact decimals. */
final class Stats {

    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal min;
    private BigDecimal max;
    private long values;

    void add(BigDecimal value) {
        sum = sum.add(value);
        min = min == null || value.compareTo(min) < 0 ? value : min;
        max = max == null || value.compareTo(max) > 0 ? value : max;
        values++;
    }

    JsonNode get(DataAggregateAction.Calculation calculation) {
        return switch (calculation) {
            case sum -> number(sum);
            case average -> values == 0 ? JsonNodeFactory.instance.nullNode()
                    : number(sum.divide(BigDecimal.valueOf(values), MathContext.DECIMAL64));
            case min -> min == null ? JsonNodeFactory.instance.nullNode() : number(min);
            case max -> max == null ? JsonNodeFactory.instance.nullNode() : number(max);
            case count -> JsonNodeFactory.instance.numberNode(values);
        };
    }

    /** {@code 1000}, not {@code 1E+3}; {@code 2.5}, not {@code 2.500}. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return JsonNodeFactory.instance.numberNode(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }
}
