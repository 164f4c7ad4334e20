package dev.placemat.workflows.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.placemat.workflows.template.FieldRules.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{path}}} templates of step configs. Resolution is a path lookup into the execution context and
 * nothing else: no expressions, no method calls, no environment, no files. A value produced by a lookup is never
 * looked at again, so data that itself contains braces stays data.
 *
 * <ul>
 *   <li>A string that is exactly one template keeps the looked-up value's type (number, object, array).
 *   <li>Templates inside longer text are rendered as text; objects and arrays as JSON, numbers as people write them
 *       ({@code 30000}, never {@code 3E+4}).
 *   <li>{@code {{path | default: "x"}}} gives {@code "x"} when the path leads nowhere.
 *   <li>Otherwise a path that leads nowhere is handled as the {@link FieldRules} say: {@code null} or empty text
 *       ({@link FieldRules#LENIENT}), or the field is left out or the resolution fails ({@link FieldRules#strict}).
 * </ul>
 */
public final class Templates {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern WHOLE = Pattern.compile("^\\{\\{\\s*([^{}]*?)\\s*}}$");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Templates() {}

    public static boolean isWholeTemplate(String text) {
        return WHOLE.matcher(text).matches();
    }

    /** What every template in {@code text} holds, as written (a path, maybe with a default). */
    public static List<String> references(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    /** A copy of {@code value} with every template in its strings resolved leniently against {@code context}. */
    public static JsonNode resolve(JsonNode value, JsonNode context) {
        return resolve(value, context, FieldRules.LENIENT);
    }

    /**
     * A copy of {@code value} with every template resolved against {@code context} as {@code rules} say.
     *
     * @throws UnresolvedTemplate when a strict rule meets a path that leads nowhere
     */
    public static JsonNode resolve(JsonNode value, JsonNode context, FieldRules rules) {
        JsonNode out = new Resolution(context, rules).value(value, "", rules.root());
        return out == null ? JSON.nullNode() : out;
    }

    /** A value as template text: objects and arrays as JSON, numbers in plain notation, null and missing as "". */
    public static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return plain(value);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String plain(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = number.isBigDecimal() ? number.decimalValue()
                : BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
        return decimal.toPlainString();
    }

    /** One resolution of one config: the config path walked so far decides what a missing value means. */
    private record Resolution(JsonNode context, FieldRules rules) {

        /** The resolved value, or null when it is to be left out of its object. */
        JsonNode value(JsonNode value, String path, Shape shape) {
            if (value.isTextual()) {
                // text without "{{" holds no template: it stays as it is (a text node never changes)
                return value.textValue().contains("{{") ? text(value.textValue(), path) : value;
            }
            if (value.isArray()) {
                ArrayNode out = JSON.arrayNode(value.size());
                Shape items = shape == null ? null : shape.items();
                for (JsonNode item : value) {
                    JsonNode resolved = value(item, path, items);
                    out.add(resolved == null ? missingIn(item.asText(), path) : resolved);
                }
                return out;
            }
            if (value.isObject()) {
                ObjectNode out = JSON.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    Shape.Member member = shape == null ? null : shape.member(field.getKey());
                    JsonNode resolved = value(field.getValue(), fieldPath, member == null ? null : member.value());
                    if (resolved != null) {
                        out.set(field.getKey(), resolved);
                    } else if (member == null || member.required()) {
                        throw missing(field.getValue().asText(), fieldPath);
                    }
                }
                return out;
            }
            return value;
        }

        /** A string with its templates resolved; null when a strict lookup found nothing and no default was given. */
        private JsonNode text(String text, String path) {
            UnaryOperator<String> escape = rules.escapeAt(path);
            Matcher whole = WHOLE.matcher(text);
            if (whole.matches()) {
                JsonNode found = lookup(whole.group(1));
                if (found == null) {
                    return null;
                }
                return escape != null && found.isTextual() ? TextNode.valueOf(escape.apply(found.asText()))
                        : found.deepCopy();
            }
            Matcher m = TEMPLATE.matcher(text);
            if (!m.find()) {
                return TextNode.valueOf(text);
            }
            StringBuilder out = new StringBuilder(text.length() + 16);
            int last = 0;
            do {
                JsonNode found = lookup(m.group(1));
                if (found == null) {
                    return null;
                }
                String value = Templates.text(found);
                out.append(text, last, m.start()).append(escape == null ? value : escape.apply(value));
                last = m.end();
            } while (m.find());
            out.append(text, last, text.length());
            return TextNode.valueOf(out.toString());
        }

        /** The value a template stands for; null when it leads nowhere, has no default and the rules are strict. */
        private JsonNode lookup(String expression) {
            TemplateExpression parsed = TemplateExpression.parse(expression).orElse(null);
            JsonNode found = parsed == null ? JSON.missingNode() : Paths.lookup(context, parsed.path());
            if (!found.isMissingNode()) {
                return found;
            }
            if (parsed != null && parsed.hasDefault()) {
                return parsed.defaultValue();
            }
            return rules.strict() ? null : JSON.nullNode();
        }

        private JsonNode missingIn(String text, String path) {
            throw missing(text, path);
        }

        private UnresolvedTemplate missing(String text, String path) {
            for (String expression : references(text)) {
                TemplateExpression parsed = TemplateExpression.parse(expression).orElse(null);
                if (parsed != null && !parsed.hasDefault() && Paths.lookup(context, parsed.path()).isMissingNode()) {
                    return new UnresolvedTemplate("config." + path + ": {{" + parsed.path() + "}} resolved to nothing: "
                            + Paths.whyMissing(context, parsed.path()) + "; check the path, or give a default such as "
                            + "{{" + parsed.path() + " | default: \"\"}}");
                }
            }
            return new UnresolvedTemplate("config." + path + ": a template resolved to nothing");
        }
    }
}
