package dev.placemat.workflows.connectors.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.template.WorkflowJson;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON for outbound bodies with numbers as people write them: {@code 30000} and {@code 12.50}, never {@code 3E+4}
 * (which {@code JsonNode.toString()} writes for a {@code BigDecimal} with a negative scale, and for large doubles).
 * Decimal values keep their exact digits: money stays money.
 *
 * <p>Its mapper is the connectors' one {@link ObjectMapper}, the route compiler's shared one with plain decimals:
 * every connector reads, builds and converts JSON with it (these library classes have no Spring context to take
 * the application's from).
 */
public final class PlainJson {

    private static final ObjectMapper JSON = WorkflowJson.mapper().copy()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private PlainJson() {}

    /** The connectors' shared mapper; never reconfigure it (derive a {@code copy()} instead). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** {@code value} as JSON text, every number in plain notation. */
    public static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The same tree with floating-point numbers as decimals (written plainly by {@link #write}). */
    public static JsonNode plain(JsonNode value) {
        if (value.isFloatingPointNumber() && !value.isBigDecimal() && Double.isFinite(value.doubleValue())) {
            return NODES.numberNode(BigDecimal.valueOf(value.doubleValue()).stripTrailingZeros());
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode(value.size());
            value.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), plain(field.getValue()));
            }
            return out;
        }
        return value;
    }
}
