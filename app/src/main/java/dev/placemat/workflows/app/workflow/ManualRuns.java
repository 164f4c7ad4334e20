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
import dev.placemat.workflows.definition.TriggerType;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Manual runs of a workflow's deployed version: the request body's fields become the trigger data. */
@Service
@RequiredArgsConstructor
public class ManualRuns {

    private final WorkflowService workflows;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final AuditLog audit;

    /** Starts a run of the deployed version, by {@code user}, who must be allowed to change the workflow. */
    public Launch run(UUID id, JsonNode body, String user) {
        workflows.changeable(id);
        Deployment deployment = deployer.lease(id).orElseThrow(() -> new ConflictException(
                "The workflow is not deployed; deploy it first (POST /api/workflows/" + id + "/deploy)."));
        ObjectNode triggerData = body != null && body.isObject()
                ? ((ObjectNode) body).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (body != null && !body.isObject() && !body.isNull() && !body.isMissingNode()) {
            triggerData.set("input", body);
        }
        aliasForTrigger(triggerData, deployment.definition().trigger().type());
        ObjectNode trigger = triggerData.putObject("trigger");
        trigger.put("type", "manual");
        trigger.put("user", user);
        Launch launch = launcher.launch(deployment, triggerData);
        audit.record("workflow.execute", "workflow", id, Map.of("execution_id", launch.executionId().toString()));
        return launch;
    }

    /**
     * A manual run of a webhook or event workflow gets its fields where that trigger puts its data too
     * ({@code webhook_data}, {@code event_data}), unless the run gives them itself: the workflow resolves the same
     * way whichever way it was started.
     */
    private static void aliasForTrigger(ObjectNode triggerData, String triggerType) {
        TriggerType.byId(triggerType).flatMap(TriggerType::designDataPath).filter(path -> !triggerData.has(path))
                .ifPresent(path -> triggerData.set(path, triggerData.deepCopy()));
    }
}
