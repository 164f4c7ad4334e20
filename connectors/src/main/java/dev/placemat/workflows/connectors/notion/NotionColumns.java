package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.PlainJson;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.template.Templates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values as Notion's property types take them (the page property value objects of Notion's API reference), and
 * back. A value is converted to its column's type; one that cannot be fails the step naming the column and the
 * value. Text longer than Notion's 2,000 characters per text object is split over several.
 */
final class NotionColumns {

    /** Writes one value as one property type. */
    @FunctionalInterface
    private interface Writer {
        JsonNode write(Column column, JsonNode value) throws StepFailure;
    }

    /** The column being written, for messages. */
    private record Column(String name, String type) {
        StepFailure refuse(JsonNode value, String expected) {
            String shown = text(value);
            return StepFailure.permanent("the Notion column '" + name + "' (" + type + ") cannot take '"
                    + (shown.length() > 100 ? shown.substring(0, 100) + "..." : shown) + "': " + expected);
        }
    }

    static final int TEXT_CHUNK = 2000;
    private static final int MAX_TEXT_OBJECTS = 100;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern NOTION_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Map<String, Writer> WRITERS = Map.ofEntries(
            Map.entry("title", (column, value) -> richText(column, value)),
            Map.entry("rich_text", (column, value) -> richText(column, value)),
            Map.entry("number", NotionColumns::number),
            Map.entry("select", NotionColumns::option),
            Map.entry("status", NotionColumns::option),
            Map.entry("multi_select", NotionColumns::options),
            Map.entry("date", NotionColumns::date),
            Map.entry("people", (column, value) -> ids(column, value, "object", "user")),
            Map.entry("relation", (column, value) -> ids(column, value, null, null)),
            Map.entry("email", (column, value) -> checkedText(column, value, EMAIL, "an email address")),
            Map.entry("url", (column, value) -> checkedText(column, value, Pattern.compile("https?://\\S+"),
                    "an http or https URL")),
            Map.entry("phone_number", (column, value) -> checkedText(column, value, Pattern.compile(".+"),
                    "a phone number")),
            Map.entry("checkbox", NotionColumns::checkbox));

    private NotionColumns() {}

    /** {@code {"<type>": ...}}: the property value that sets column {@code name} of {@code type} to {@code value}. */
    static ObjectNode write(String name, String type, JsonNode value) throws StepFailure {
        Writer writer = WRITERS.get(type);
        if (writer == null) {
            throw StepFailure.permanent("the Notion column '" + name + "' is of type " + type
                    + ", which Notion computes or which cannot be written through the API; leave it out");
        }
        ObjectNode out = JSON.objectNode();
        out.set(type, writer.write(new Column(name, type), value == null ? JSON.nullNode() : value));
        return out;
    }

    /** The value of a page property in plain terms (text, number, names, ids); missing when the page lacks it. */
    static JsonNode read(JsonNode property) {
        String type = property.path("type").asText("");
        JsonNode value = property.path(type);
        return switch (type) {
            case "title", "rich_text" -> JSON.textNode(plainText(value));
            case "select", "status" -> value.isObject() ? value.path("name") : JSON.nullNode();
            case "multi_select", "people" -> namesOf(value);
            case "relation" -> idsOf(value);
            case "date" -> value.isObject() ? value.path("start") : JSON.nullNode();
            case "number", "checkbox", "email", "url", "phone_number" -> value;
            default -> MissingNode.getInstance();
        };
    }

    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(Templates.text(v).strip()));
        } else if (value.isTextual()) {
            for (String part : value.asText().split(",")) {
                out.add(part.strip());
            }
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.add(Templates.text(value));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static JsonNode richText(Column column, JsonNode value) throws StepFailure {
        String text = empty(value) ? "" : text(value);
        ArrayNode out = JSON.arrayNode();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + TEXT_CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a character made of two UTF-16 units
            }
            out.addObject().put("type", "text").putObject("text").put("content", text.substring(start, end));
            start = end;
        }
        if (out.size() > MAX_TEXT_OBJECTS) {
            throw column.refuse(value, "Notion takes at most " + MAX_TEXT_OBJECTS * TEXT_CHUNK + " characters");
        }
        return out;
    }

    private static JsonNode number(Column column, JsonNode value) throws StepFailure {
        if (empty(value)) {
            return JSON.nullNode();
        }
        if (value.isNumber()) {
            return PlainJson.plain(value);
        }
        String text = value.isTextual() ? value.asText().replace(",", "").replace("_", "").strip() : "";
        try {
            return JSON.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw column.refuse(value, "a number is needed, such as 25000 or 12.5");
        }
    }

    private static JsonNode option(Column column, JsonNode value) throws StepFailure {
        if (empty(value) || text(value).isBlank()) {
            return JSON.nullNode();
        }
        return JSON.objectNode().put("name", optionName(column, value, text(value).strip()));
    }

    private static JsonNode options(Column column, JsonNode value) throws StepFailure {
        ArrayNode out = JSON.arrayNode();
        List<String> seen = new ArrayList<>();
        for (String name : empty(value) ? List.<String>of() : strings(value)) {
            if (!seen.contains(name)) {
                seen.add(name);
                out.addObject().put("name", optionName(column, value, name));
            }
        }
        return out;
    }

    private static String optionName(Column column, JsonNode value, String name) throws StepFailure {
        if (name.length() > 100 || (column.type().equals("select") && name.contains(","))) {
            throw column.refuse(value, "an option name has at most 100 characters and no commas");
        }
        return name;
    }

    private static JsonNode date(Column column, JsonNode value) throws StepFailure {
        if (empty(value)) {
            return JSON.nullNode();
        }
        ObjectNode out = JSON.objectNode();
        String start = value.isObject() ? value.path("start").asText("") : text(value).strip();
        out.put("start", isoDate(column, value, start));
        if (value.isObject() && value.hasNonNull("end")) {
            out.put("end", isoDate(column, value, value.path("end").asText()));
        }
        return out;
    }

    private static String isoDate(Column column, JsonNode value, String text) throws StepFailure {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).toString();
            }
            try {
                return OffsetDateTime.parse(text).toString();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).toString();
            }
        } catch (DateTimeParseException e) {
            throw column.refuse(value, "a date such as 2026-05-01 or 2026-05-01T09:30:00+10:00 is needed");
        }
    }

    private static JsonNode ids(Column column, JsonNode value, String objectField, String objectValue)
            throws StepFailure {
        ArrayNode out = JSON.arrayNode();
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (!empty(value)) {
            items.add(value);
        }
        for (JsonNode item : items) {
            String id = (item.isObject() ? item.path("id").asText("") : text(item)).strip();
            if (!NOTION_ID.matcher(id).matches()) {
                throw column.refuse(value, column.type().equals("people")
                        ? "it holds Notion users: give a user id (32 hexadecimal digits), not a name or an email"
                        : "it holds related pages: give a page id (32 hexadecimal digits)");
            }
            ObjectNode ref = out.addObject();
            if (objectField != null) {
                ref.put(objectField, objectValue);
            }
            ref.put("id", id);
        }
        return out;
    }

    private static JsonNode checkedText(Column column, JsonNode value, Pattern pattern, String expected)
            throws StepFailure {
        if (empty(value) || text(value).isBlank()) {
            return JSON.nullNode();
        }
        String text = text(value).strip();
        if (!pattern.matcher(text).matches()) {
            throw column.refuse(value, expected + " is needed");
        }
        return JSON.textNode(text);
    }

    private static JsonNode checkbox(Column column, JsonNode value) throws StepFailure {
        if (empty(value)) {
            return JSON.booleanNode(false);
        }
        if (value.isBoolean()) {
            return value;
        }
        return switch (text(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> JSON.booleanNode(true);
            case "false", "no", "0", "off", "" -> JSON.booleanNode(false);
            default -> throw column.refuse(value, "true or false is needed");
        };
    }

    /** A value as text; a person given as {@code {name, email}} reads as {@code name <email>}. */
    private static String text(JsonNode value) {
        if (value.isObject() && (value.has("name") || value.has("email"))) {
            String name = value.path("name").asText("");
            String email = value.path("email").asText("");
            return name.isBlank() ? email : email.isBlank() ? name : name + " <" + email + ">";
        }
        return Templates.text(value);
    }

    private static boolean empty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static String plainText(JsonNode parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.has("plain_text") ? p.path("plain_text").asText()
                : p.path("text").path("content").asText()));
        return out.toString();
    }

    private static ArrayNode namesOf(JsonNode list) {
        ArrayNode names = JSON.arrayNode();
        list.forEach(item -> names.add(item.path("name").asText(item.path("id").asText(""))));
        return names;
    }

    private static ArrayNode idsOf(JsonNode list) {
        ArrayNode ids = JSON.arrayNode();
        list.forEach(item -> ids.add(item.path("id").asText("")));
        return ids;
    }
}
