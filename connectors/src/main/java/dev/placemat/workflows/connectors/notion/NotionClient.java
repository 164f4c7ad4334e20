package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.PlainJson;
import dev.placemat.workflows.connectors.common.RateLimits;
import dev.placemat.workflows.connectors.common.Stages;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.connectors.http.HttpAnswer;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.connectors.http.HttpCaller;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The Notion API ({@code 2022-06-28}) over the shared outbound client: outbound guard on every hop, the
 * connection's rate limit (Notion: about three requests a second per integration), {@code Retry-After} on a 429.
 * The token goes into the Authorization header only; messages name the connection, never its values.
 */
final class NotionClient {

    static final String CONNECTION_TYPE = "notion";
    static final String DEFAULT_CONNECTION = "notion";
    static final String NOTION_VERSION = "2022-06-28";
    static final RateLimits.Limit LIMIT = new RateLimits.Limit("notion", 3, 3, Duration.ofSeconds(1));
    private static final String DEFAULT_BASE_URL = "https://api.notion.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{32,36}");
    private static final ObjectMapper JSON = PlainJson.mapper();

    private final HttpCaller caller = new HttpCaller();

    CompletableFuture<JsonNode> createPage(ConnectionFields connection, String databaseId, ObjectNode properties,
            StepContext context) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("parent").put("database_id", databaseId);
        body.set("properties", properties);
        return send("POST", connection, "v1/pages", body, context);
    }

    CompletableFuture<JsonNode> updatePage(ConnectionFields connection, String pageId, ObjectNode properties,
            StepContext context) {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", properties);
        return Stages.thenCompose(id(pageId, "page"), id -> send("PATCH", connection, "v1/pages/" + id, body, context));
    }

    CompletableFuture<JsonNode> getPage(ConnectionFields connection, String pageId, StepContext context) {
        return Stages.thenCompose(id(pageId, "page"), id -> send("GET", connection, "v1/pages/" + id, null, context));
    }

    CompletableFuture<JsonNode> getDatabase(ConnectionFields connection, String databaseId, StepContext context) {
        return send("GET", connection, "v1/databases/" + encode(databaseId), null, context);
    }

    CompletableFuture<JsonNode> queryDatabase(ConnectionFields connection, String databaseId, JsonNode filter,
            StepContext context) {
        ObjectNode body = JSON.createObjectNode();
        body.set("filter", filter);
        body.put("page_size", 1);
        return send("POST", connection, "v1/databases/" + encode(databaseId) + "/query", body, context);
    }

    /** The integration's bot user: the call that tests a connection. */
    CompletableFuture<JsonNode> me(ConnectionFields connection, StepContext context) {
        return send("GET", connection, "v1/users/me", null, context);
    }

    private CompletableFuture<JsonNode> send(String method, ConnectionFields connection, String path, JsonNode body,
            StepContext context) {
        return Stages.start(nothing -> {
            String token = connection.require("token");
            URI uri = baseUri(connection).resolve(path);
            HttpCall call = HttpCall.json(method, uri, Map.of(
                    "Authorization", "Bearer " + token,
                    "Notion-Version", NOTION_VERSION,
                    "Accept", "application/json"), body, Timeouts.within(TIMEOUT, context));
            CompletableFuture<HttpAnswer> answered = RateLimits.permit(LIMIT, connection.name(), context)
                    .thenCompose(permitted -> caller.send(call, context));
            return Stages.then(answered, answer -> {
                if (answer.status() >= 400) {
                    throw failure(answer, connection.name(), token);
                }
                return answer.json();
            });
        });
    }

    private static URI baseUri(ConnectionFields connection) throws StepFailure {
        String base = connection.optional("base_url", DEFAULT_BASE_URL);
        return HttpCall.absoluteUri(base.endsWith("/") ? base : base + "/",
                "the base_url of the notion connection '" + connection.name() + "'");
    }

    private static CompletableFuture<String> id(String id, String what) {
        String trimmed = id == null ? "" : id.trim();
        if (!ID.matcher(trimmed).matches()) {
            return CompletableFuture.failedFuture(StepFailure.permanent("'" + trimmed + "' is not a Notion " + what
                    + " id (32 hexadecimal digits, with or without dashes)"));
        }
        return CompletableFuture.completedFuture(encode(trimmed));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text.trim(), StandardCharsets.UTF_8);
    }

    private static StepFailure failure(HttpAnswer answer, String connectionName, String token) {
        int status = answer.status();
        StepFailure failure = answer.failure("Notion answered " + status + " " + answer.reason());
        String message = failure.getMessage().replace(token, "***");
        return switch (status) {
            case 401, 403 -> StepFailure.permanent(message + " (check the token of the notion connection '"
                    + connectionName + "' and that the database is shared with its integration)");
            case 404 -> StepFailure.permanent(message + " (the page or database does not exist or is not shared "
                    + "with the integration)");
            case 409 -> StepFailure.transientFailure(message);
            default -> failure.retryAfter() != null ? StepFailure.retryAfter(message, failure.retryAfter())
                    : failure.retryable() ? StepFailure.transientFailure(message) : StepFailure.permanent(message);
        };
    }
}
