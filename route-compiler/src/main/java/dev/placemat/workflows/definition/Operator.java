package dev.placemat.workflows.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Condition operators. An unknown operator is a validation error, never "true" as in the design's sketch.
 * Comparisons between values of different kinds are false, not errors: {@code "10" greater_than 9} compares numbers
 * only when both sides are numbers or numeric text.
 */
public enum Operator {
    EQUALS("equals", Values::same),
    NOT_EQUALS("not_equals", (a, b) -> !Values.same(a, b)),
    GREATER_THAN("greater_than", (a, b) -> Values.compare(a, b).map(c -> c > 0).orElse(false)),
    GREATER_THAN_OR_EQUALS("greater_than_or_equals", (a, b) -> Values.compare(a, b).map(c -> c >= 0).orElse(false)),
    LESS_THAN("less_than", (a, b) -> Values.compare(a, b).map(c -> c < 0).orElse(false)),
    LESS_THAN_OR_EQUALS("less_than_or_equals", (a, b) -> Values.compare(a, b).map(c -> c <= 0).orElse(false)),
    CONTAINS("contains", Values::contains),
    NOT_CONTAINS("not_contains", (a, b) -> !Values.contains(a, b)),
    IN("in", (a, b) -> Values.contains(b, a) && b.isArray()),
    NOT_IN("not_in", (a, b) -> b.isArray() && !Values.contains(b, a)),
    EXISTS("exists", (a, b) -> !a.isMissingNode() && !a.isNull()),
    NOT_EXISTS("not_exists", (a, b) -> a.isMissingNode() || a.isNull());

    private final String id;
    private final BiPredicate<JsonNode, JsonNode> test;

    Operator(String id, BiPredicate<JsonNode, JsonNode> test) {
        this.id = id;
        this.test = test;
    }

    public String id() {
        return id;
    }

    /** Whether the operator compares against a value ({@code exists} does not). */
    public boolean needsValue() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    public boolean test(JsonNode actual, JsonNode expected) {
        return test.test(actual, expected);
    }

    public static Optional<Operator> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(Operator::id).toList());
    }
}
