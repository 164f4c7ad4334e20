package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.recording.ExecutionWriter;
import dev.placemat.workflows.app.recording.RowWrite.InsertExecution;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.runtime.Journal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Accepts new executions of deployed workflows: an execution is accepted only once its row, owned by this node, is
 * committed (group-committed with others by the {@link ExecutionWriter}); then it runs on the {@link ExecutionRunner}.
 * Capacity is bounded: past it, launches are refused and nothing is stored.
 */
@Component
@RequiredArgsConstructor
public class ExecutionLauncher {

    static final int COMMIT_WAIT_SECONDS = 5;
    /**
     * With at most this many executions running here (the new one included), a new execution's row is committed
     * without waiting behind the step rows of the ones before. At one request at a time, the executions of the two or
     * three requests before are still at their last steps (bench/README.md, fourteenth session).
     */
    static final int QUIET = 4;

    private final ExecutionWriter writer;
    private final Admission admission;
    private final ExecutionRunner runner;
    private final ClusterNode node;
    private final StoredJson json;

    /**
     * Stores and starts an execution on a deployment the caller holds a lease on; the lease passes to the execution.
     *
     * @throws LaunchRefused when nothing could be stored (the caller answers 503, or 429 when the workflow is over
     *                       its own limits)
     */
    public Launch launch(Deployment deployment, ObjectNode triggerData) {
        return launch(deployment, triggerData, TimeOrderedIds.next());
    }

    /** As {@link #launch(Deployment, ObjectNode)}, with an execution id chosen before (event deduplication). */
    public Launch launch(Deployment deployment, ObjectNode triggerData, UUID id) {
        return accept(deployment, triggerData, id, Journal.EMPTY, null, runner::run);
    }

    /**
     * As {@link #launch(Deployment, ObjectNode)}, the run started through {@code starter} once the row is committed
     * (a webhook starts its executions on its own thread once it has answered).
     */
    public Launch launch(Deployment deployment, ObjectNode triggerData, Executor starter) {
        return accept(deployment, triggerData, TimeOrderedIds.next(), Journal.EMPTY, null,
                run -> runner.run(run, starter));
    }

    /**
     * Stores and starts a test run of a workflow as an execution marked {@code test}, on a deployment of the tested
     * definition (not the deployed one) that the caller holds a lease on; {@code pinned} steps do not run.
     */
    public Launch launchTest(Deployment deployment, ObjectNode triggerData, Journal pinned, ExecutionRun.TestRun test) {
        return accept(deployment, triggerData, TimeOrderedIds.next(), pinned, test, runner::run);
    }

    /** {@code start}: how the runner starts the run once its row is committed. */
    private Launch accept(Deployment deployment, ObjectNode triggerData, UUID id, Journal journal,
            ExecutionRun.TestRun test, Function<ExecutionRun, CompletableFuture<ExecutionResult>> start) {
        try {
            admission.admit(deployment.workflowId());
        } catch (LaunchRefused refused) {
            deployment.release();
            throw refused;
        }
        Instant startedAt = Instant.now();
        try {
            store(new InsertExecution(id, deployment.workflowId(), deployment.version(), json.write(triggerData),
                    startedAt, node.id(), node.name(), test != null, new CompletableFuture<>()));
        } catch (LaunchRefused refused) {
            admission.release(deployment.workflowId());
            deployment.release();
            throw refused;
        }
        return new Launch(id, start.apply(new ExecutionRun(deployment, id, triggerData, startedAt, journal, test)));
    }

    private void store(InsertExecution insert) {
        boolean queued = admission.running() <= QUIET ? writer.offerQuiet(insert) : writer.offer(insert);
        if (!queued) {
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        try {
            insert.committed().get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchRefused("interrupted while storing the execution", 1);
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchRefused("the database is not reachable; nothing was stored", 5);
        }
    }
}
