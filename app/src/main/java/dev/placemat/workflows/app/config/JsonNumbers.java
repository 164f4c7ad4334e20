package dev.placemat.workflows.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers that data from outside may hold. The app reads decimals exactly (12.50 and 12345678901234567.89 as sent,
 * not as the nearest double: money stays exact), so a number that no one means as a value must be refused where it
 * comes in: 1e999999 would be a million digits written plainly, and more than PostgreSQL keeps.
 */
public final class JsonNumbers {

    static final int MAX_DIGITS = 1000;

    private JsonNumbers() {}

    /**
     * The path of the first number in {@code node} with more than {@value #MAX_DIGITS} digits before or after its
     * point, if any; {@code path} names {@code node} itself. The path is built only for such a number: every webhook
     * body is walked here.
     */
    public static Optional<String> tooLong(JsonNode node, String path) {
        return Optional.ofNullable(below(node)).map(rest -> path + rest);
    }

    /** The path below {@code node} of its first overlong number ("" for itself), or null when it holds none. */
    private static String below(JsonNode node) {
        if (node.isBigDecimal()) {
            BigDecimal number = node.decimalValue();
            return Math.abs(number.scale()) > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS
                    ? "" : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String rest = below(node.get(i));
                if (rest != null) {
                    return "[" + i + "]" + rest;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String rest = below(field.getValue());
                if (rest != null) {
                    return "." + field.getKey() + rest;
                }
            }
        }
        return null;
    }

    /** What the refusal of the number at {@code path} says. */
    public static String refusal(String path) {
        return "The number at " + path + " has more than " + MAX_DIGITS
                + " digits before or after its point; send such a value as a string.";
    }
}
