package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates and updates pages of the design's Notion databases. The output is {@code {id, url, name, ...fields}}: the
 * fields as Notion has them after the call (or as sent, when Notion's answer lacks them), so that
 * {@code {{step_1.name}}} works in later steps.
 */
final class NotionPages {

    private final NotionClient client = new NotionClient();

    ObjectNode create(NotionDatabase database, Object data, String connectionName, StepContext context)
            throws StepFailure {
        ConnectionFields connection = connect(connectionName, context);
        String databaseId = connection.require(database.databaseField());
        JsonNode values = ConfigMapper.toJson(data);
        JsonNode page = client.createPage(connection, databaseId, properties(database, values), context);
        return output(database, page, values);
    }

    ObjectNode update(NotionDatabase database, String pageId, Object updates, String connectionName,
            StepContext context) throws StepFailure {
        ConnectionFields connection = connect(connectionName, context);
        ObjectNode values = ConfigMapper.toJson(updates).deepCopy();
        JsonNode tags = values.path(NotionDatabase.TAGS);
        if (tags.isObject()) {
            values.set(NotionDatabase.TAGS, tagsAfter(database, tags, pageId, connection, context));
        }
        ObjectNode properties = properties(database, values);
        if (properties.isEmpty()) {
            throw StepFailure.permanent("updates names no field to change; give at least one of "
                    + database.properties().stream().map(NotionProperty::field).toList());
        }
        JsonNode page = client.updatePage(connection, pageId, properties, context);
        return output(database, page, values);
    }

    private static ConnectionFields connect(String name, StepContext context) throws StepFailure {
        return ConnectionFields.load(context, name, NotionClient.DEFAULT_CONNECTION, NotionClient.CONNECTION_TYPE);
    }

    private static ObjectNode properties(NotionDatabase database, JsonNode values) throws StepFailure {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        for (NotionProperty property : database.properties()) {
            JsonNode value = values.path(property.field());
            if (!value.isMissingNode() && !value.isNull()) {
                try {
                    properties.set(property.property(), property.write(value));
                } catch (IllegalArgumentException e) {
                    throw StepFailure.permanent(e.getMessage());
                }
            }
        }
        return properties;
    }

    /** {@code {add, remove}} applied to the page's current tags, or {@code set} as it is. */
    private JsonNode tagsAfter(NotionDatabase database, JsonNode changes, String pageId, ConnectionFields connection,
            StepContext context) throws StepFailure {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (changes.hasNonNull("set")) {
            return json.arrayNode().addAll(
                    NotionProperty.strings(changes.get("set")).stream().distinct().map(json::textNode).toList());
        }
        NotionProperty tagsProperty = database.properties().stream()
                .filter(p -> p.field().equals(NotionDatabase.TAGS)).findFirst().orElseThrow();
        JsonNode current = tagsProperty.read(client.getPage(connection, pageId, context));
        Set<String> tags = new LinkedHashSet<>(current.isArray() ? NotionProperty.strings(current) : List.of());
        tags.addAll(NotionProperty.strings(changes.path("add")));
        NotionProperty.strings(changes.path("remove")).forEach(tags::remove);
        List<String> result = new ArrayList<>(tags);
        return json.arrayNode().addAll(result.stream().map(json::textNode).toList());
    }

    private static ObjectNode output(NotionDatabase database, JsonNode page, JsonNode sent) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("id", page.path("id").isMissingNode() ? JsonNodeFactory.instance.nullNode() : page.path("id"));
        out.set("url", page.path("url").isMissingNode() ? JsonNodeFactory.instance.nullNode() : page.path("url"));
        for (NotionProperty property : database.properties()) {
            JsonNode value = property.read(page);
            if (value.isMissingNode()) {
                value = sent.path(property.field());
            }
            if (!value.isMissingNode()) {
                out.set(property.field(), value);
            }
        }
        if (!out.has("name")) {
            out.putNull("name");
        }
        return out;
    }
}
