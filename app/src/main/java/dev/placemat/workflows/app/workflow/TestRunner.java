package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionContexts;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import dev.placemat.workflows.app.engine.ExecutionResult;
import dev.placemat.workflows.app.engine.ExecutionRun;
import dev.placemat.workflows.app.engine.ExecutionRunner;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepSink;
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
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Test runs of definitions ({@code POST /api/workflows/test}): the same compiler, route and recorder as a real
 * execution, on the tested definition (not the deployed one). Pinned step outputs stand in for those steps, which
 * do not run; {@code stop_after} ends the run after a step. With a {@code workflow_id} the run is stored as an
 * execution marked {@code test}; without, nothing is stored. Actions run for real (a test of an email step sends
 * the email).
 */
@Component
@RequiredArgsConstructor
public class TestRunner {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final TestRequests requests;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final ExecutionRunner runner;
    private final SecretRedactor redactor;

    public TestResult run(JsonNode body) {
        TestRequests.Request request = requests.read(body);
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

    private TestResult answer(UUID executionId, boolean stored, ExecutionResult result, List<StepRecord> records) {
        List<TestStep> steps;
        synchronized (records) {
            steps = records.stream().map(TestStep::of).toList();
        }
        return new TestResult(result.status(), redactor.scrub(result.error()), stored ? executionId : null, steps,
                result.context() == null ? null : redactor.scrub(result.context()));
    }
}
