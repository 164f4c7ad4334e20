package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.compiler.IngressCompiler;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * A workflow as the API shows it: its id, the keys of its definition as saved (user-written JSON, merged into the
 * top level: {@code name}, {@code trigger}, {@code steps}...), and where the workflow stands. {@code loaded_on} (per
 * version, on how many live nodes, and which, it is loaded) only in the answers of a read and a deploy.
 */
public record WorkflowView(UUID id, @JsonUnwrapped SavedDefinition definition, boolean webhookSecretSet, int version,
        boolean isActive, boolean shared, boolean deployed, @Nullable Integer deployedVersion,
        @Nullable Instant deployedAt, @Nullable String webhookUrl, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LoadedOn> loadedOn) {

    /**
     * The view's own properties: a saved definition's key of the same name (an author may write any key) is not
     * shown, so that the answer holds each key once and the platform's {@code id}, {@code version}... are the ones
     * read.
     */
    private static final Set<String> OWN = Arrays.stream(WorkflowView.class.getRecordComponents())
            .map(component -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(component.getName()))
            .collect(Collectors.toUnmodifiableSet());

    /** The keys of a saved definition, as its author wrote them; the designer types them. */
    public record SavedDefinition(@JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> keys) {}

    /** A version of the workflow loaded on live nodes. */
    public record LoadedOn(int version, int nodes, List<String> nodeNames) {}

    public static WorkflowView of(WorkflowRow row) {
        return of(row, true, null);
    }

    /**
     * @param mayRun   whether the reader may run the workflow: a webhook's URL (and its id) starts it, so readers who
     *                 may not run it see neither
     * @param loadedOn where it is loaded, or null to leave that out
     */
    public static WorkflowView of(WorkflowRow row, boolean mayRun, @Nullable List<LoadedOn> loadedOn) {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        definition(row.definition(), mayRun).fields().forEachRemaining(key -> {
            if (!OWN.contains(key.getKey())) {
                keys.put(key.getKey(), key.getValue());
            }
        });
        return new WorkflowView(row.id(), new SavedDefinition(keys), WebhookSecrets.hasSecret(row.definition()),
                row.version(), row.active(), row.shared(), row.deployed(), row.deployedVersion(), row.deployedAt(),
                row.webhookId() == null || !mayRun ? null : IngressCompiler.WEBHOOK_PATH + row.webhookId(),
                row.createdAt(), row.updatedAt(), loadedOn);
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
}
