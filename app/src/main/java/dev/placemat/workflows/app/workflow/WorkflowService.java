package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Creating, changing and deploying workflows. Every definition is validated before it is stored. Manual runs are
 * {@link ManualRuns}'.
 */
@Service
@RequiredArgsConstructor
public class WorkflowService {

    private final DefinitionValidator validator;
    private final WorkflowRepository workflows;
    private final AuditLog audit;
    private final WebhookSecrets secrets;
    private final WorkflowAccess access;
    private final WorkflowConnections connections;
    private final CurrentUser currentUser;
    private final ClusterDeployments cluster;

    public WorkflowRow create(JsonNode json, UUID createdBy) {
        Optional<Boolean> shared = access.sharing(json, null);
        ObjectNode definition = WorkflowAccess.withoutSharing(secrets.seal(WebhookIds.assign(json, null), null));
        WorkflowDefinition parsed = validator.validate(definition);
        connections.checkSave(parsed, null);
        checkWebhookId(json, parsed, null);
        WorkflowRow row = uniqueWebhookId(() -> workflows.insert(definition, parsed, webhookId(parsed), createdBy));
        if (shared.orElse(false)) {
            workflows.share(row.id(), true);
            row = get(row.id());
        }
        audit.record("workflow.create", "workflow", row.id(), Map.of("name", parsed.name(), "version", row.version()));
        return row;
    }

    /**
     * A new version; a webhook keeps its id (and so its URL) unless the new definition names another, and its
     * secret unless the new definition sets or clears it.
     */
    public WorkflowRow update(UUID id, JsonNode json) {
        WorkflowRow current = changeable(id);
        Optional<Boolean> shared = access.sharing(json, current);
        ObjectNode definition = WorkflowAccess.withoutSharing(
                secrets.seal(WebhookIds.assign(json, current.webhookId()), current.definition()));
        WorkflowDefinition parsed = validator.validate(definition);
        connections.checkSave(parsed, current.createdBy());
        checkWebhookId(json, parsed, current);
        shared.ifPresent(flag -> workflows.share(id, flag));
        WorkflowRow row = uniqueWebhookId(() -> workflows.update(id, definition, parsed, webhookId(parsed),
                currentUser.id()))
                .orElseThrow(() -> notFound(id));
        audit.record("workflow.update", "workflow", id, Map.of("name", parsed.name(), "version", row.version()));
        return row;
    }

    public WorkflowRow get(UUID id) {
        return workflows.find(id).orElseThrow(() -> notFound(id));
    }

    /** The workflow, if the current user may change it (404 or 403 otherwise). */
    WorkflowRow changeable(UUID id) {
        WorkflowRow row = get(id);
        access.checkChange(row);
        return row;
    }

    public void delete(UUID id) {
        changeable(id);
        if (!cluster.undeploy(id, true)) {
            throw notFound(id);
        }
        audit.record("workflow.delete", "workflow", id);
    }

    /**
     * Hot-loads the given saved version, or the current one when {@code version} is null, here and on every node of
     * the cluster; the version deployed before keeps running what it had started. Answers once the deploy is stored
     * and loaded on this node.
     */
    public WorkflowRow deploy(UUID id, Integer version) {
        WorkflowRow row = changeable(id);
        int chosen = version == null ? row.version() : version;
        ObjectNode definition = version == null ? row.definition() : workflows.definition(id, chosen).orElseThrow(() ->
                new NotFoundException("The workflow '" + row.name() + "' has no version " + chosen + "."));
        WorkflowDefinition parsed = validator.validate(definition);
        connections.checkDeploy(parsed, row.createdBy());
        cluster.deploy(id, chosen, parsed);
        audit.record("workflow.deploy", "workflow", id, Map.of("version", chosen));
        return get(id);
    }

    public WorkflowRow undeploy(UUID id) {
        changeable(id);
        cluster.undeploy(id, false);
        audit.record("workflow.undeploy", "workflow", id);
        return get(id);
    }

    /**
     * A webhook id is one workflow's (409 when another has it, in its current or deployed version), and the platform
     * chooses it: only an admin names one (403 for others, unless it is the workflow's own).
     */
    private void checkWebhookId(JsonNode json, WorkflowDefinition parsed, WorkflowRow current) {
        String id = webhookId(parsed);
        if (id == null || (current != null && id.equals(current.webhookId()))) {
            return;
        }
        if (workflows.webhookIdTaken(id, current == null ? null : current.id())) {
            throw new ConflictException("The webhook id is taken by another workflow; leave webhook_id out and the "
                    + "platform chooses one.");
        }
        boolean named = json != null && json.path("trigger").path("config").path("webhook_id").isTextual()
                && !json.path("trigger").path("config").path("webhook_id").asText().isEmpty();
        if (named && !access.isAdmin()) {
            throw new ForbiddenException("The platform chooses webhook ids; only an admin names one. Leave webhook_id "
                    + "out (a change keeps the workflow's own).");
        }
    }

    /** A write that a concurrent save of the same webhook id beat: 409, as if it had been seen first. */
    private static <T> T uniqueWebhookId(Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The webhook id is taken by another workflow; leave webhook_id out and the "
                    + "platform chooses one.");
        }
    }

    private static String webhookId(WorkflowDefinition definition) {
        return "webhook".equals(definition.trigger().type()) ? definition.trigger().text("webhook_id", null) : null;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no workflow " + id + ".");
    }
}
