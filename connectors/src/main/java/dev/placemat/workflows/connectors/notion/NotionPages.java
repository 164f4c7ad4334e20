package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.validation.ConfigMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Creates and updates pages of the design's Notion databases, each value written as its column's type in the
 * database's schema. The output is {@code {id, url, name, ...fields}}: the fields as Notion has them after the call
 * (or as sent, when Notion's answer lacks them), so that {@code {{step_1.name}}} works in later steps.
 *
 * <p>A create that may have happened (a timeout or a 5xx) is not simply sent again: the next try first looks for
 * the page, by the step's idempotency key in the {@value NotionSchema#RUN_MARKER} property when the database has
 * one, else by the title among pages created since the first try.
 */
final class NotionPages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final NotionClient client = new NotionClient();
    private final NotionSchemas schemas = new NotionSchemas(client);

    CompletableFuture<ObjectNode> create(NotionDatabase database, Object data, String connectionName,
            StepContext context) {
        return Stages.start(nothing -> {
            ConnectionFields connection = connect(connectionName, context);
            String databaseId = connection.require(database.databaseField());
            JsonNode values = ConfigMapper.toJson(data);
            return Stages.thenCompose(schemas.of(connection, databaseId, context), schema -> {
                ObjectNode properties = properties(database, schema, values);
                if (schema.hasRunMarker()) {
                    properties.set(NotionSchema.RUN_MARKER, NotionColumns.write(NotionSchema.RUN_MARKER, "rich_text",
                            JSON.textNode(context.idempotencyKey())));
                }
                return Stages.then(createOnce(connection, schema, properties, values, context),
                        page -> output(database, page, values));
            });
        });
    }

    CompletableFuture<ObjectNode> update(NotionDatabase database, String pageId, Object updates,
            String connectionName, StepContext context) {
        return Stages.start(nothing -> {
            ConnectionFields connection = connect(connectionName, context);
            ObjectNode values = ConfigMapper.toJson(updates).deepCopy();
            JsonNode tagChanges = values.path(NotionDatabase.TAGS);
            boolean needsPage = tagChanges.isObject() && !tagChanges.hasNonNull("set");
            String databaseId = connection.optional(database.databaseField(), null);
            CompletableFuture<JsonNode> current = needsPage || databaseId == null
                    ? client.getPage(connection, pageId, context) : CompletableFuture.completedFuture(null);
            return Stages.thenCompose(current, page -> {
                String id = databaseId != null ? databaseId : page.path("parent").path("database_id").asText("");
                if (tagChanges.isObject()) {
                    values.set(NotionDatabase.TAGS, tagsAfter(database, tagChanges, page));
                }
                return Stages.thenCompose(schemas.of(connection, id, context), schema -> {
                    ObjectNode properties = properties(database, schema, values);
                    if (properties.isEmpty()) {
                        throw StepFailure.permanent("updates names no field to change; give at least one of "
                                + database.fieldNames());
                    }
                    return Stages.then(client.updatePage(connection, pageId, properties, context),
                            updated -> output(database, updated, values));
                });
            });
        });
    }

    /** A test of the connection: Notion's bot user for its token. */
    CompletableFuture<JsonNode> botUser(String connectionName, StepContext context) {
        return Stages.start(nothing -> client.me(connect(connectionName, context), context));
    }

    private CompletableFuture<JsonNode> createOnce(ConnectionFields connection, NotionSchema schema,
            ObjectNode properties, JsonNode values, StepContext context) throws StepFailure {
        String key = context.idempotencyKey();
        Instant since = CreateAttempts.uncertainSince(key);
        // with a run marker every create looks first, so that a page made by a run that crashed, on any node, is
        // found; without one only a try of this node whose outcome it does not know can be looked for
        boolean look = schema.hasRunMarker() || since != null;
        CompletableFuture<JsonNode> earlier = !look ? CompletableFuture.completedFuture(null)
                : client.queryDatabase(connection, schema.databaseId(), madeBy(schema, key, values, since), context)
                        .thenApply(found -> found.path("results").path(0).isObject() ? found.path("results").path(0)
                                : null);
        Instant started = Instant.now();
        return earlier.thenCompose(page -> {
            if (page != null) {
                CreateAttempts.settled(key);
                return CompletableFuture.completedFuture(page);
            }
            return client.createPage(connection, schema.databaseId(), properties, context).whenComplete(
                    (created, failure) -> {
                        if (failure == null || !uncertain(failure)) {
                            CreateAttempts.settled(key);
                        } else {
                            CreateAttempts.uncertain(key, started);
                        }
                    });
        });
    }

    /** Whether a failed create may still have made its page: it was not refused for good. */
    private static boolean uncertain(Throwable failure) {
        Throwable cause = Stages.cause(failure);
        return !(cause instanceof StepFailure step) || step.retryable();
    }

    /** The query for a page this step made: by its run marker, or by title among pages created since its first try. */
    private static JsonNode madeBy(NotionSchema schema, String key, JsonNode values, Instant since)
            throws StepFailure {
        ObjectNode filter = JSON.objectNode();
        if (schema.hasRunMarker()) {
            filter.put("property", NotionSchema.RUN_MARKER).putObject("rich_text").put("equals", key);
            return filter;
        }
        ArrayNode and = filter.putArray("and");
        and.addObject().put("property", schema.title()).putObject("title")
                .put("equals", values.path(NotionDatabase.NAME).asText(""));
        and.addObject().put("timestamp", "created_time").putObject("created_time")
                .put("on_or_after", since.minusSeconds(60).toString());
        return filter;
    }

    private static ConnectionFields connect(String name, StepContext context) throws StepFailure {
        return ConnectionFields.load(context, name, NotionClient.DEFAULT_CONNECTION, NotionClient.CONNECTION_TYPE);
    }

    private static ObjectNode properties(NotionDatabase database, NotionSchema schema, JsonNode values)
            throws StepFailure {
        ObjectNode properties = JSON.objectNode();
        JsonNode name = values.path(NotionDatabase.NAME);
        if (!name.isMissingNode() && !name.isNull()) {
            properties.set(schema.title(), NotionColumns.write(schema.title(), "title", name));
        }
        for (NotionDatabase.Field field : database.fields()) {
            JsonNode value = values.path(field.field());
            if (!value.isMissingNode() && !value.isNull()) {
                String type = schema.typeOf(field.property(), field.field());
                properties.set(field.property(), NotionColumns.write(field.property(), type, value));
            }
        }
        return properties;
    }

    /** {@code {add, remove}} applied to the page's current tags, or {@code set} as it is. */
    private static JsonNode tagsAfter(NotionDatabase database, JsonNode changes, JsonNode page) {
        if (changes.hasNonNull("set")) {
            return names(NotionColumns.strings(changes.get("set")));
        }
        String property = database.fields().stream().filter(f -> f.field().equals(NotionDatabase.TAGS))
                .findFirst().orElseThrow().property();
        JsonNode current = page == null ? JSON.missingNode()
                : NotionColumns.read(page.path("properties").path(property));
        Set<String> tags = new LinkedHashSet<>(current.isArray() ? NotionColumns.strings(current) : List.of());
        tags.addAll(NotionColumns.strings(changes.path("add")));
        NotionColumns.strings(changes.path("remove")).forEach(tags::remove);
        return names(new ArrayList<>(tags));
    }

    private static ArrayNode names(List<String> names) {
        ArrayNode out = JSON.arrayNode();
        names.stream().distinct().forEach(out::add);
        return out;
    }

    private static ObjectNode output(NotionDatabase database, JsonNode page, JsonNode sent) {
        ObjectNode out = JSON.objectNode();
        out.set("id", page.path("id").isMissingNode() ? JSON.nullNode() : page.path("id"));
        out.set("url", page.path("url").isMissingNode() ? JSON.nullNode() : page.path("url"));
        JsonNode title = titleProperty(page);
        out.set(NotionDatabase.NAME, title.isMissingNode() ? sent.path(NotionDatabase.NAME).isMissingNode()
                ? JSON.nullNode() : sent.path(NotionDatabase.NAME) : title);
        for (NotionDatabase.Field field : database.fields()) {
            JsonNode value = NotionColumns.read(page.path("properties").path(field.property()));
            if (value.isMissingNode()) {
                value = sent.path(field.field());
            }
            if (!value.isMissingNode()) {
                out.set(field.field(), value);
            }
        }
        return out;
    }

    private static JsonNode titleProperty(JsonNode page) {
        var properties = page.path("properties").elements();
        while (properties.hasNext()) {
            JsonNode property = properties.next();
            if ("title".equals(property.path("type").asText())) {
                return NotionColumns.read(property);
            }
        }
        return JSON.missingNode();
    }
}
