package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.audit.AuditLog;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.engine.Launch;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creating, changing, deploying and running workflows. Every definition is validated before it is stored. */
@Service
public class WorkflowService {

    private final DefinitionValidator validator;
    private final WorkflowRepository workflows;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final AuditLog audit;
    private final WebhookSecrets secrets;
    private final WorkflowAccess access;
    private final ClusterDeployments cluster;

    public WorkflowService(DefinitionValidator validator, WorkflowRepository workflows, RouteDeployer deployer,
            ExecutionLauncher launcher, AuditLog audit, WebhookSecrets secrets, WorkflowAccess access,
            ClusterDeployments cluster) {
        this.cluster = cluster;
        this.audit = audit;
        this.access = access;
        this.validator = validator;
        this.workflows = workflows;
        this.deployer = deployer;
        this.launcher = launcher;
        this.secrets = secrets;
    }

    public WorkflowRow create(JsonNode json, UUID createdBy) {
        Optional<Boolean> shared = access.sharing(json, null);
        ObjectNode definition = WorkflowAccess.withoutSharing(secrets.seal(WebhookIds.assign(json, null), null));
        WorkflowDefinition parsed = validator.validate(definition);
        WorkflowRow row = workflows.insert(definition, parsed, webhookId(parsed), createdBy);
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
        shared.ifPresent(flag -> workflows.share(id, flag));
        WorkflowRow row = workflows.update(id, definition, parsed, webhookId(parsed)).orElseThrow(() -> notFound(id));
        audit.record("workflow.update", "workflow", id, Map.of("name", parsed.name(), "version", row.version()));
        return row;
    }

    public WorkflowRow get(UUID id) {
        return workflows.find(id).orElseThrow(() -> notFound(id));
    }

    /** The workflow, if the current user may change it (404 or 403 otherwise). */
    private WorkflowRow changeable(UUID id) {
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
     * Hot-loads the current version here and on every node of the cluster; the version deployed before keeps running
     * what it had started. Answers once the deploy is stored and loaded on this node.
     */
    public WorkflowRow deploy(UUID id) {
        WorkflowRow row = changeable(id);
        cluster.deploy(id, row.version(), validator.validate(row.definition()));
        audit.record("workflow.deploy", "workflow", id, Map.of("version", row.version()));
        return get(id);
    }

    public WorkflowRow undeploy(UUID id) {
        changeable(id);
        cluster.undeploy(id, false);
        audit.record("workflow.undeploy", "workflow", id);
        return get(id);
    }

    /** A manual run of the deployed version: the body's fields become the trigger data. */
    public Launch execute(UUID id, JsonNode body, String user) {
        changeable(id);
        Deployment deployment = deployer.lease(id).orElseThrow(() -> new ConflictException(
                "The workflow is not deployed; deploy it first (POST /api/workflows/" + id + "/deploy)."));
        ObjectNode triggerData = body != null && body.isObject()
                ? ((ObjectNode) body).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (body != null && !body.isObject() && !body.isNull() && !body.isMissingNode()) {
            triggerData.set("input", body);
        }
        ObjectNode trigger = triggerData.putObject("trigger");
        trigger.put("type", "manual");
        trigger.put("user", user);
        Launch launch = launcher.launch(deployment, triggerData);
        audit.record("workflow.execute", "workflow", id, Map.of("execution_id", launch.executionId().toString()));
        return launch;
    }

    private static String webhookId(WorkflowDefinition definition) {
        return "webhook".equals(definition.trigger().type()) ? definition.trigger().text("webhook_id", null) : null;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no workflow " + id + ".");
    }
}
