package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.IngressCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflows as the API shows them: the definition as saved, and where the workflow stands. */
public final class WorkflowView {

    private WorkflowView() {}

    public static ObjectNode of(WorkflowRow row) {
        return of(row, true);
    }

    /**
     * @param mayRun whether the reader may run the workflow: a webhook's URL (and its id) starts it, so readers who
     *               may not run it see neither
     */
    public static ObjectNode of(WorkflowRow row, boolean mayRun) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", row.id().toString());
        view.setAll(definition(row.definition(), mayRun));
        view.put("webhook_secret_set", WebhookSecrets.hasSecret(row.definition()));
        view.put("version", row.version());
        view.put("is_active", row.active());
        view.put("shared", row.shared());
        view.put("deployed", row.deployed());
        if (row.deployedVersion() == null) {
            view.putNull("deployed_version");
        } else {
            view.put("deployed_version", row.deployedVersion());
        }
        view.put("deployed_at", row.deployedAt() == null ? null : row.deployedAt().toString());
        view.put("webhook_url", row.webhookId() == null || !mayRun ? null
                : IngressCompiler.WEBHOOK_PATH + row.webhookId());
        view.put("created_at", row.createdAt().toString());
        view.put("updated_at", row.updatedAt().toString());
        return view;
    }

    /**
     * A saved definition as a reader sees it: never its webhook secret, and its webhook id only for readers who may
     * run the workflow.
     */
    static ObjectNode definition(ObjectNode saved, boolean mayRun) {
        ObjectNode definition = WebhookSecrets.redact(saved);
        if (!mayRun && definition.path("trigger").path("config") instanceof ObjectNode config) {
            config.remove("webhook_id");
        }
        return definition;
    }

    static List<Map<String, Object>> list(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", row.get("id"));
            item.put("name", row.get("name"));
            item.put("description", row.get("description"));
            item.put("trigger_type", row.get("trigger_type"));
            item.put("is_active", row.get("is_active"));
            item.put("deployed", row.get("deployed_version") != null);
            item.put("version", row.get("version"));
            item.put("deployed_version", row.get("deployed_version"));
            item.put("updated_at", row.get("updated_at"));
            Object tags = row.get("tags");
            item.put("tags", tags instanceof JsonNode node && node.isArray() ? node : JsonNodeFactory.instance.arrayNode());
            Object last = row.get("last_execution_id");
            item.put("last_execution", last == null ? null : Map.of("id", last,
                    "status", row.get("last_execution_status"), "started_at", row.get("last_execution_started_at")));
            return item;
        }).toList();
    }
}
