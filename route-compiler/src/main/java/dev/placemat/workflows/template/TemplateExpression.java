package dev.placemat.workflows.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stands between {@code {{ }}}: a path, optionally followed by a default for when the path leads nowhere,
 * {@code {{webhook_data.name | default: "friend"}}}. The default is a JSON literal: a string in double quotes, a
 * number, {@code true}, {@code false} or {@code null}. Nothing else is understood.
 *
 * @param path         the path, as written
 * @param defaultValue the default, or null when the template gives none (a JSON {@code null} default is a
 *                     {@code NullNode})
 */
public record TemplateExpression(String path, JsonNode defaultValue) {

    private static final Pattern WITH_DEFAULT = Pattern.compile("^(.*?)\\s*\\|\\s*default\\s*:\\s*(.*?)\\s*$",
            Pattern.DOTALL);

    /** The expression, or empty when it is neither a path nor a path with a well-formed default. */
    public static Optional<TemplateExpression> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = WITH_DEFAULT.matcher(trimmed);
        // a default follows a '|': without one, the pattern need not run
        if (trimmed.indexOf('|') < 0 || !m.matches()) {
            return Paths.isValid(trimmed) ? Optional.of(new TemplateExpression(trimmed, null)) : Optional.empty();
        }
        if (!Paths.isValid(m.group(1))) {
            return Optional.empty();
        }
        return literal(m.group(2)).map(value -> new TemplateExpression(m.group(1), value));
    }

    private static Optional<JsonNode> literal(String text) {
        try {
            JsonNode value = WorkflowJson.mapper().readTree(text);
            return value != null && value.isValueNode() ? Optional.of(value) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
