package dev.placemat.workflows.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{path}}} templates of step configs. Resolution is a path lookup into the execution context and
 * nothing else: no expressions, no method calls, no environment, no files. A value produced by a lookup is never
 * looked at again, so data that itself contains braces stays data.
 *
 * <ul>
 *   <li>A string that is exactly one template keeps the looked-up value's type (number, object, array).
 *   <li>Templates inside longer text are rendered as text; objects and arrays as JSON.
 *   <li>A path that leads nowhere gives {@code null} for a whole template and empty text inside longer text.
 * </ul>
 */
public final class Templates {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern WHOLE = Pattern.compile("^\\{\\{\\s*([^{}]*?)\\s*}}$");

    private Templates() {}

    public static boolean isWholeTemplate(String text) {
        return WHOLE.matcher(text).matches();
    }

    /** The paths every template in {@code text} refers to, as written. */
    public static List<String> references(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    /** A copy of {@code value} with every template in its strings resolved against {@code context}. */
    public static JsonNode resolve(JsonNode value, JsonNode context) {
        if (value.isTextual()) {
            return resolveText(value.asText(), context);
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(item -> out.add(resolve(item, context)));
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), resolve(field.getValue(), context));
            }
            return out;
        }
        return value;
    }

    private static JsonNode resolveText(String text, JsonNode context) {
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches()) {
            JsonNode found = Paths.lookup(context, whole.group(1));
            return found.isMissingNode() ? JsonNodeFactory.instance.nullNode() : found.deepCopy();
        }
        Matcher m = TEMPLATE.matcher(text);
        if (!m.find()) {
            return TextNode.valueOf(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        do {
            out.append(text, last, m.start()).append(render(Paths.lookup(context, m.group(1))));
            last = m.end();
        } while (m.find());
        out.append(text, last, text.length());
        return TextNode.valueOf(out.toString());
    }

    private static String render(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
