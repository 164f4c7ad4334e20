package dev.placemat.workflows.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Comparisons between JSON values, as conditions need them. */
final class Values {

    private Values() {}

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isMissingNode() || b.isMissingNode()) {
            return a.isMissingNode() && b.isMissingNode();
        }
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (a.isNumber() && b.isNumber() && x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get()) == 0;
        }
        return a.equals(b);
    }

    static Optional<Integer> compare(JsonNode a, JsonNode b) {
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (x.isPresent() && y.isPresent()) {
            return Optional.of(x.get().compareTo(y.get()));
        }
        if (a.isTextual() && b.isTextual()) {
            return Optional.of(Integer.signum(a.asText().compareTo(b.asText())));
        }
        return Optional.empty();
    }

    static boolean contains(JsonNode container, JsonNode item) {
        if (container.isArray()) {
            for (JsonNode element : container) {
                if (same(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container.isTextual() && item.isValueNode() && !item.isNull()) {
            return container.asText().contains(item.asText());
        }
        if (container.isObject() && item.isTextual()) {
            return container.has(item.asText());
        }
        return false;
    }

    private static Optional<BigDecimal> number(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
