package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.connectors.http.HttpAnswer;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.connectors.http.HttpCaller;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Notion pages API over camel-http ({@link HttpCaller}: outbound guard on every hop). The token goes into the
 * Authorization header only; messages name the connection, never its values.
 */
final class NotionClient {

    static final String CONNECTION_TYPE = "notion";
    static final String DEFAULT_CONNECTION = "notion";
    static final String NOTION_VERSION = "2022-06-28";
    private static final String DEFAULT_BASE_URL = "https://api.notion.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PAGE_ID = Pattern.compile("[0-9a-fA-F-]{32,36}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCaller caller = new HttpCaller();

    JsonNode createPage(ConnectionFields connection, String databaseId, ObjectNode properties, StepContext context)
            throws StepFailure {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("parent").put("database_id", databaseId);
        body.set("properties", properties);
        return send("POST", connection, "v1/pages", body, context);
    }

    JsonNode updatePage(ConnectionFields connection, String pageId, ObjectNode properties, StepContext context)
            throws StepFailure {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", properties);
        return send("PATCH", connection, "v1/pages/" + pageId(pageId), body, context);
    }

    JsonNode getPage(ConnectionFields connection, String pageId, StepContext context) throws StepFailure {
        return send("GET", connection, "v1/pages/" + pageId(pageId), null, context);
    }

    private JsonNode send(String method, ConnectionFields connection, String path, JsonNode body, StepContext context)
            throws StepFailure {
        String token = connection.require("token");
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + token,
                "Notion-Version", NOTION_VERSION,
                "Content-Type", "application/json",
                "Accept", "application/json");
        URI uri = baseUri(connection).resolve(path);
        HttpCall call = HttpCall.of(method, uri, headers, body == null ? null : body.toString(),
                Timeouts.within(TIMEOUT, context));
        HttpAnswer answer = caller.call(call, context);
        JsonNode json = parse(answer);
        if (answer.status() >= 400) {
            throw failure(answer.status(), json, connection.name(), token);
        }
        return json;
    }

    private static URI baseUri(ConnectionFields connection) throws StepFailure {
        String base = connection.optional("base_url", DEFAULT_BASE_URL);
        return HttpCall.absoluteUri(base.endsWith("/") ? base : base + "/",
                "the base_url of the notion connection '" + connection.name() + "'");
    }

    private static String pageId(String id) throws StepFailure {
        String trimmed = id == null ? "" : id.trim();
        if (!PAGE_ID.matcher(trimmed).matches()) {
            throw StepFailure.permanent("'" + trimmed + "' is not a Notion page id (32 hexadecimal digits, "
                    + "with or without dashes)");
        }
        return URLEncoder.encode(trimmed, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(HttpAnswer answer) {
        try {
            return answer.body() == null || answer.body().length == 0 ? JSON.createObjectNode()
                    : JSON.readTree(answer.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static StepFailure failure(int status, JsonNode json, String connectionName, String token) {
        String detail = json.path("message").asText("").replace(token, "***").strip();
        String message = "Notion answered " + status + (detail.isEmpty() ? "" : ": " + detail);
        return switch (status) {
            case 401, 403 -> StepFailure.permanent(message + " (check the token of the notion connection '"
                    + connectionName + "' and that the database is shared with its integration)");
            case 404 -> StepFailure.permanent(message + " (the page or database does not exist or is not shared "
                    + "with the integration)");
            case 409, 429 -> StepFailure.transientFailure(message);
            default -> status >= 500 ? StepFailure.transientFailure(message) : StepFailure.permanent(message);
        };
    }
}
