package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionContexts;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.engine.ExecutionResult;
import dev.placemat.workflows.app.engine.ExecutionRun;
import dev.placemat.workflows.app.engine.ExecutionRunner;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnprocessableException;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepSink;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Test runs of definitions ({@code POST /api/workflows/test}): the same compiler, route and recorder as a real
 * execution, on the tested definition (not the deployed one). Pinned step outputs stand in for those steps, which
 * do not run; {@code stop_after} ends the run after a step. With a {@code workflow_id} the run is stored as an
 * execution marked {@code test}; without, nothing is stored. Actions run for real (a test of an email step sends
 * the email).
 */
@Component
public class TestRunner {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final DefinitionValidator validator;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final ExecutionRunner runner;
    private final SecretRedactor redactor;
    private final WorkflowRepository workflows;
    private final WorkflowAccess access;
    private final WorkflowConnections connections;

    public TestRunner(DefinitionValidator validator, RouteDeployer deployer, ExecutionLauncher launcher,
            ExecutionRunner runner, SecretRedactor redactor, WorkflowRepository workflows, WorkflowAccess access,
            WorkflowConnections connections) {
        this.connections = connections;
        this.validator = validator;
        this.deployer = deployer;
        this.launcher = launcher;
        this.runner = runner;
        this.redactor = redactor;
        this.workflows = workflows;
        this.access = access;
    }

    /** What a test request asks for. */
    private record Request(WorkflowDefinition definition, ObjectNode triggerData, WorkflowRow workflow,
            Map<String, JsonNode> pinned, String stopAfter) {}

    public ObjectNode run(JsonNode body) {
        Request request = read(body);
        List<StepRecord> records = Collections.synchronizedList(new ArrayList<>());
        StepSink observer = r -> records.add(redactor.scrub(r));
        Journal pinned = Journal.pinned(request.pinned());
        CompletableFuture<ExecutionResult> done;
        UUID executionId;
        if (request.workflow() == null) {
            executionId = UUID.randomUUID();
            Deployment deployment = deployer.deployDetached(null, 0, request.definition());
            ExecutionState state = new ExecutionState(executionId.toString(), "test", ExecutionContexts.initial(
                    request.triggerData(), executionId, null, 0, Instant.now()), observer, pinned,
                    ExecutionState.UNLIMITED, () -> true);
            state.haltAfter(request.stopAfter());
            done = runner.runUnstored(deployment, state);
            done.whenComplete((result, error) -> deployer.discard(deployment));
        } else {
            WorkflowRow workflow = request.workflow();
            Deployment deployment = deployer.deployDetached(workflow.id(), workflow.version(), request.definition());
            var launch = launcher.launchTest(deployment, request.triggerData(), pinned,
                    new ExecutionRun.TestRun(observer, request.stopAfter()));
            executionId = launch.executionId();
            done = launch.done();
            done.whenComplete((result, error) -> deployer.discard(deployment));
        }
        ExecutionResult result = await(done, executionId);
        return answer(executionId, request.workflow() != null, result, records);
    }

    private Request read(JsonNode body) {
        JsonNode workflow = body == null ? null : body.get("workflow");
        JsonNode testData = body == null ? null : body.has("testData") ? body.get("testData") : body.get("test_data");
        WorkflowDefinition definition = validator.validate(WebhookIds.assign(workflow, null));
        WorkflowRow stored = workflow(body);
        connections.checkSave(definition, stored == null ? null : stored.createdBy());
        ObjectNode triggerData = testData instanceof ObjectNode data ? data.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (!triggerData.has("trigger")) {
            triggerData.putObject("trigger").put("type", definition.trigger().type()).put("test", true);
        }
        Map<String, JsonNode> pinned = new LinkedHashMap<>();
        JsonNode pins = body.path("pinned");
        if (!pins.isMissingNode() && !pins.isNull() && !pins.isObject()) {
            throw new UnprocessableException("pinned", "pinned must be an object of step keys to outputs");
        }
        pins.fields().forEachRemaining(pin -> {
            if (definition.step(pin.getKey()).isEmpty()) {
                throw new UnprocessableException("pinned." + pin.getKey(), "there is no step " + pin.getKey()
                        + " to pin an output for");
            }
            pinned.put(pin.getKey(), pin.getValue());
        });
        String stopAfter = body.path("stop_after").isTextual() ? body.path("stop_after").asText() : null;
        if (stopAfter != null && definition.step(stopAfter).isEmpty()) {
            throw new UnprocessableException("stop_after", "there is no step " + stopAfter + " to stop after");
        }
        return new Request(definition, triggerData, stored, pinned, stopAfter);
    }

    /** The stored workflow the test belongs to, when the request names one the caller may run. */
    private WorkflowRow workflow(JsonNode body) {
        JsonNode id = body.path("workflow_id");
        if (id.isMissingNode() || id.isNull()) {
            return null;
        }
        UUID workflowId;
        try {
            workflowId = UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("workflow_id", "workflow_id must be a workflow's id");
        }
        WorkflowRow row = workflows.find(workflowId)
                .orElseThrow(() -> new NotFoundException("There is no workflow " + workflowId + "."));
        access.checkChange(row);
        return row;
    }

    private static ExecutionResult await(CompletableFuture<ExecutionResult> done, UUID executionId) {
        try {
            return done.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new ExecutionResult(executionId, "running", "the test run goes on for more than "
                    + MAX_WAIT.toSeconds() + " s; its later steps are not shown", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private ObjectNode answer(UUID executionId, boolean stored, ExecutionResult result, List<StepRecord> records) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", result.status());
        out.put("error", redactor.scrub(result.error()));
        out.put("execution_id", stored ? executionId.toString() : null);
        ArrayNode steps = out.putArray("steps");
        synchronized (records) {
            records.forEach(r -> steps.add(StepViews.of(r)));
        }
        out.set("context", result.context() == null ? null : redactor.scrub(result.context()));
        return out;
    }
}
