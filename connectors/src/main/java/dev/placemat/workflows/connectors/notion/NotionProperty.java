package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of the design ({@code revenue_potential}) as a property of a Notion database ({@code Revenue Potential},
 * a number): how a value is written to Notion and read back from a page.
 */
record NotionProperty(String field, String property, Kind kind) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int TEXT_CHUNK = 2000;
    private static final Pattern NOTION_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    /** Notion property types the actions write. */
    enum Kind { TITLE, RICH_TEXT, SELECT, MULTI_SELECT, NUMBER, PERSON }

    /** The Notion property value for {@code value}; {@code null} clears the property. */
    ObjectNode write(JsonNode value) {
        ObjectNode out = JSON.objectNode();
        boolean empty = value == null || value.isNull() || value.isMissingNode();
        switch (kind) {
            case TITLE -> out.set("title", richText(empty ? "" : text(value)));
            case RICH_TEXT -> out.set("rich_text", richText(empty ? "" : text(value)));
            case SELECT -> out.set("select", empty || text(value).isBlank() ? JSON.nullNode()
                    : JSON.objectNode().put("name", text(value)));
            case MULTI_SELECT -> out.set("multi_select", names(empty ? List.of() : strings(value)));
            case NUMBER -> out.set("number", empty ? JSON.nullNode() : number(value));
            case PERSON -> writePerson(value, empty, out);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return out;
    }

    /** The value of this property on a Notion page, in the design's terms; missing when the page lacks it. */
    JsonNode read(JsonNode page) {
        JsonNode prop = page.path("properties").path(property);
        return switch (prop.path("type").asText("")) {
            case "title", "rich_text" -> JSON.textNode(plainText(prop.path(prop.path("type").asText())));
            case "select" -> prop.path("select").isObject() ? prop.path("select").path("name") : JSON.nullNode();
            case "multi_select" -> namesOf(prop.path("multi_select"));
            case "number" -> prop.path("number");
            case "people" -> namesOf(prop.path("people"));
            default -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        };
    }

    /** The names in a multi_select value or a people list. */
    static ArrayNode namesOf(JsonNode list) {
        ArrayNode names = JSON.arrayNode();
        list.forEach(item -> names.add(item.path("name").asText(item.path("id").asText(""))));
        return names;
    }

    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(text(v)));
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.add(text(value));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    static ArrayNode names(List<String> names) {
        ArrayNode out = JSON.arrayNode();
        names.stream().distinct().forEach(n -> out.addObject().put("name", n));
        return out;
    }

    private void writePerson(JsonNode value, boolean empty, ObjectNode out) {
        String id = empty ? null : value.isObject() ? value.path("id").asText("") : text(value);
        if (id != null && NOTION_ID.matcher(id.trim()).matches()) {
            ArrayNode people = out.putArray("people");
            people.addObject().put("object", "user").put("id", id.trim());
        } else {
            out.set("rich_text", richText(empty ? "" : personText(value)));
        }
    }

    private static String personText(JsonNode value) {
        if (!value.isObject()) {
            return text(value);
        }
        String name = value.path("name").asText("");
        String email = value.path("email").asText("");
        return name.isBlank() ? email : email.isBlank() ? name : name + " <" + email + ">";
    }

    private static ArrayNode richText(String text) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < text.length(); i += TEXT_CHUNK) {
            out.addObject().put("type", "text").putObject("text")
                    .put("content", text.substring(i, Math.min(text.length(), i + TEXT_CHUNK)));
        }
        return out;
    }

    private static String plainText(JsonNode parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.has("plain_text") ? p.path("plain_text").asText()
                : p.path("text").path("content").asText()));
        return out.toString();
    }

    private JsonNode number(JsonNode value) {
        if (value.isNumber()) {
            return value;
        }
        try {
            return JSON.numberNode(new java.math.BigDecimal(text(value).replace(",", "").trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, not '" + text(value) + "'");
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
