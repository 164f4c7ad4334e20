package dev.placemat.workflows.app.recovery;

import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.engine.Admission;
import dev.placemat.workflows.app.engine.ExecutionRun;
import dev.placemat.workflows.app.engine.ExecutionRunner;
import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnsuitableValueException;
import dev.placemat.workflows.compiler.WorkflowCompiler;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resumes an execution this node has claimed (and taken an admission slot for): on the version of its workflow it
 * started on, from its journal, so that nothing it completed runs again. A step that was in flight when its node
 * died runs again when that is safe; when it is not (a message sent, a record created), the execution stops as
 * {@code interrupted} naming the step, for a person to resume with retry or skip.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ExecutionResumer {

    private static final Logger log = LoggerFactory.getLogger(ExecutionResumer.class);

    private final JdbcClient jdbc;
    private final VersionLeases versions;
    private final WorkflowCompiler compiler;
    private final ExecutionRunner runner;
    private final Admission admission;
    private final StepRows steps;
    private final ClusterNode node;
    private final StoredJson json;

    /** Resumes a claimed execution; {@code reason} is recorded with the run ("recovered after node x stopped"). */
    void resume(Claimed execution, String reason) {
        if (execution.test()) {
            end(execution, "failed", "the test run was interrupted: " + reason);
            return;
        }
        Deployment deployment;
        try {
            deployment = versions.lease(execution.workflowId(), execution.version());
        } catch (RuntimeException e) {
            end(execution, "failed", "could not be resumed: " + e.getMessage());
            return;
        }
        List<StepRecord> records = steps.of(execution.id());
        Optional<StepRecord> unsafe = records.stream().filter(r -> r.status() == StepStatus.RUNNING)
                .filter(r -> !compiler.repeatSafe(deployment.definition(), r.stepKey(), r.input()))
                .findFirst();
        if (unsafe.isPresent()) {
            deployment.release();
            interrupt(execution, unsafe.get());
            return;
        }
        List<StepRecord> inFlight = records.stream().filter(r -> r.status() == StepStatus.RUNNING).toList();
        inFlight.forEach(r -> jdbc.sql("UPDATE step_executions SET status = 'failed', completed_at = now(), "
                        + "error_message = :error WHERE id = :id")
                .param("error", "its node stopped while it ran (" + reason + "); it is safe to repeat and ran again")
                .param("id", r.id()).update());
        jdbc.sql("INSERT INTO execution_runs (execution_id, node, reason) VALUES (:id, :node, :reason)")
                .param("id", execution.id()).param("node", node.name()).param("reason", reason).update();
        log.info("resuming execution {} ({})", execution.id(), reason);
        runner.run(new ExecutionRun(deployment, execution.id(), execution.triggerData(), execution.startedAt(),
                Journal.of(records)));
    }

    /**
     * A person's decision on an interrupted execution: {@code retry} runs the interrupted step again, {@code skip}
     * takes it as done with an empty output; the execution then goes on from there on this node.
     *
     * @throws ConflictException      when the execution is not interrupted (any more)
     * @throws UnsuitableValueException when {@code step} is not the interrupted step, or {@code mode} is unknown
     */
    public void resumeInterrupted(UUID id, String step, String mode, String user) {
        if (!"retry".equals(mode) && !"skip".equals(mode)) {
            throw new UnsuitableValueException("mode", "mode must be retry (run the step again) or skip (take it as "
                    + "done with an empty output)");
        }
        record State(String status, String step, UUID workflowId) {}
        State state = jdbc.sql("SELECT status, interrupted_step, workflow_id FROM workflow_executions WHERE id = :id")
                .param("id", id).query((rs, n) -> new State(rs.getString(1), rs.getString(2),
                        rs.getObject(3, UUID.class))).optional()
                .orElseThrow(() -> new NotFoundException("There is no execution " + id + "."));
        if (!"interrupted".equals(state.status())) {
            throw new ConflictException("The execution is " + state.status() + "; only an interrupted execution can "
                    + "be resumed.");
        }
        if (!state.step().equals(step)) {
            throw new UnsuitableValueException("step", "The execution stopped at step " + state.step() + ", not "
                    + step + "; resume that step.");
        }
        if (!admission.tryReadmit(state.workflowId())) {
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        Optional<Claimed> claimed = jdbc.sql("UPDATE workflow_executions e SET status = 'running', owner_node = :node, "
                        + "interrupted_step = NULL, error_message = NULL, resume_count = e.resume_count + 1 "
                        + "WHERE e.id = :id AND e.status = 'interrupted' RETURNING " + Claimed.COLUMNS)
                .param("node", node.id()).param("id", id)
                .query((rs, n) -> Claimed.of(rs, null, json)).optional();
        if (claimed.isEmpty()) {
            admission.release(state.workflowId());
            throw new ConflictException("The execution was resumed by someone else just now.");
        }
        boolean skip = "skip".equals(mode);
        jdbc.sql("UPDATE step_executions SET status = :status, output_data = CAST(:output AS jsonb), "
                        + "error_message = :note WHERE execution_id = :id AND status = 'interrupted'")
                .param("status", skip ? "completed" : "failed")
                .param("output", skip ? "{}" : null)
                .param("note", skip ? "skipped by " + user + " after it was interrupted"
                        : "interrupted when its node stopped; run again by " + user)
                .param("id", id).update();
        resume(claimed.get(), "resumed by " + user + " (" + mode + " step " + step + ")");
    }

    private void interrupt(Claimed execution, StepRecord step) {
        String where = step.iteration() == null ? "" : " (loop item " + step.iteration() + ")";
        String error = "step " + step.stepKey() + where + " was running when its node stopped, and it is not safe to "
                + "run twice: resume it with retry (run it again) or skip (take it as done)";
        jdbc.sql("UPDATE step_executions SET status = 'interrupted', completed_at = now(), error_message = :error "
                        + "WHERE id = :id")
                .param("error", error).param("id", step.id()).update();
        jdbc.sql("UPDATE workflow_executions SET status = 'interrupted', interrupted_step = :step, "
                        + "error_message = :error, owner_node = NULL WHERE id = :id AND owner_node = :node")
                .param("step", step.stepKey()).param("error", error).param("id", execution.id())
                .param("node", node.id()).update();
        admission.release(execution.workflowId());
        log.warn("execution {} is interrupted at step {}", execution.id(), step.stepKey());
    }

    private void end(Claimed execution, String status, String error) {
        jdbc.sql("UPDATE workflow_executions SET status = :status, error_message = :error, completed_at = now() "
                        + "WHERE id = :id AND owner_node = :node")
                .param("status", status).param("error", error).param("id", execution.id()).param("node", node.id())
                .update();
        admission.release(execution.workflowId());
    }
}
