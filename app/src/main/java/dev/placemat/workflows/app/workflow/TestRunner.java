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
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Test runs of unsaved definitions ({@code POST /api/workflows/test}): the same compiler, route and recorder as a
 * real execution, but the step records go to memory and come back in the answer; nothing is stored. Actions run for
 * real (a test of an email step sends the email).
 */
@Component
public class TestRunner {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final DefinitionValidator validator;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final SecretRedactor redactor;

    public TestRunner(DefinitionValidator validator, RouteDeployer deployer, ExecutionLauncher launcher,
            SecretRedactor redactor) {
        this.validator = validator;
        this.deployer = deployer;
        this.launcher = launcher;
        this.redactor = redactor;
    }

    public ObjectNode run(JsonNode request) {
        JsonNode workflow = request == null ? null : request.get("workflow");
        JsonNode testData = request == null ? null : request.has("testData") ? request.get("testData")
                : request.get("test_data");
        var definition = validator.validate(WebhookIds.assign(workflow, null));
        ObjectNode triggerData = testData instanceof ObjectNode data ? data.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!triggerData.has("trigger")) {
            triggerData.putObject("trigger").put("type", definition.trigger().type()).put("test", true);
        }
        UUID id = UUID.randomUUID();
        List<StepRecord> records = Collections.synchronizedList(new ArrayList<>());
        ExecutionState state = new ExecutionState(id.toString(), "test",
                ExecutionContexts.initial(triggerData, id, null, 0, Instant.now()), r -> records.add(redactor.scrub(r)));
        Deployment deployment = deployer.deployDetached(definition);
        CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
        done.whenComplete((result, error) -> deployer.discard(deployment));
        launcher.run(deployment, state, done::complete);
        ExecutionResult result = await(done, state);
        return answer(result, records, redactor);
    }

    private static ExecutionResult await(CompletableFuture<ExecutionResult> done, ExecutionState state) {
        try {
            return done.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new ExecutionResult(UUID.fromString(state.executionId()), "running",
                    "the test run goes on for more than " + MAX_WAIT.toSeconds() + " s; its later steps are not shown",
                    state.snapshot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ObjectNode answer(ExecutionResult result, List<StepRecord> records, SecretRedactor redactor) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", result.status());
        out.put("error", redactor.scrub(result.error()));
        ArrayNode steps = out.putArray("steps");
        synchronized (records) {
            records.forEach(r -> steps.add(StepViews.of(r)));
        }
        out.set("context", redactor.scrub(result.context()));
        return out;
    }
}
