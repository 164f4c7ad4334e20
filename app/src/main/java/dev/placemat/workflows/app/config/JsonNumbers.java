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
     * point, if any; {@code path} names {@code node} itself.
     */
    public static Optional<String> tooLong(JsonNode node, String path) {
        if (node.isBigDecimal()) {
            BigDecimal number = node.decimalValue();
            boolean tooLong = Math.abs(number.scale()) > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS;
            return tooLong ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = tooLong(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> found = tooLong(field.getValue(), path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** What the refusal of the number at {@code path} says. */
    public static String refusal(String path) {
        return "The number at " + path + " has more than " + MAX_DIGITS
                + " digits before or after its point; send such a value as a string.";
    }
}
