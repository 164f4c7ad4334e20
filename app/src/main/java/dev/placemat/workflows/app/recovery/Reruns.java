package dev.placemat.workflows.app.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.Admission;
import dev.placemat.workflows.app.engine.ExecutionRun;
import dev.placemat.workflows.app.engine.ExecutionRunner;
import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnprocessableException;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.app.workflow.WorkflowRepository;
import dev.placemat.workflows.app.workflow.WorkflowRow;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepStatus;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an execution again as a new execution linked to the old one ({@code rerun_of}): from the start with the
 * same trigger data, or from a step, with the old execution's recorded outputs of the steps before it copied into
 * the new one (so the new execution is whole on its own, and resumable like any other), on the version the old one
 * ran ({@code original}) or on the workflow's current version ({@code current}).
 */
@Component
public class Reruns {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RouteDeployer deployer;
    private final WorkflowRepository workflows;
    private final DefinitionValidator validator;
    private final ExecutionRunner runner;
    private final Admission admission;
    private final StepRows steps;
    private final ClusterNode node;
    private final StoredJson json;

    public Reruns(JdbcClient jdbc, TransactionTemplate transactions, RouteDeployer deployer,
            WorkflowRepository workflows, DefinitionValidator validator, ExecutionRunner runner, Admission admission,
            StepRows steps, ClusterNode node, StoredJson json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deployer = deployer;
        this.workflows = workflows;
        this.validator = validator;
        this.runner = runner;
        this.admission = admission;
        this.steps = steps;
        this.node = node;
        this.json = json;
    }

    private record Old(UUID workflowId, int version, ObjectNode triggerData) {}

    /** Starts the re-run and returns the new execution's id. */
    public UUID rerun(UUID oldId, String fromStep, String version) {
        Old old = jdbc.sql("SELECT workflow_id, workflow_version, trigger_data FROM workflow_executions WHERE id = :id")
                .param("id", oldId)
                .query((rs, n) -> new Old(rs.getObject(1, UUID.class), rs.getInt(2),
                        (ObjectNode) json.read(rs.getString(3))))
                .optional().orElseThrow(() -> new NotFoundException("There is no execution " + oldId + "."));
        int runOn = version(old, version);
        List<StepRecord> before = fromStep == null ? List.of() : stepsBefore(oldId, fromStep);
        if (!admission.tryReadmit(old.workflowId())) {
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        Deployment deployment;
        try {
            deployment = deployer.leaseVersion(old.workflowId(), runOn, () -> validator.validate(
                    workflows.definition(old.workflowId(), runOn).orElseThrow()));
            if (fromStep != null && deployment.definition().step(fromStep).isEmpty()) {
                deployment.release();
                throw new UnprocessableException("from_step", "version " + runOn + " of the workflow has no step "
                        + fromStep + "; choose a step it has, or version original");
            }
        } catch (RuntimeException e) {
            admission.release(old.workflowId());
            throw e;
        }
        UUID id = TimeOrderedIds.next();
        Instant start = Instant.now();
        List<StepRecord> copied = transactions.execute(tx -> store(id, oldId, old, runOn, start, before));
        runner.run(new ExecutionRun(deployment, id, old.triggerData(), start, Journal.of(copied)));
        return id;
    }

    /** Re-runs, from the start, the executions with a status in a time range (at most {@code limit}). */
    public List<UUID> rerunAll(UUID workflowId, String status, Instant from, Instant to, String version, int limit) {
        List<UUID> ids = jdbc.sql("SELECT id FROM workflow_executions WHERE workflow_id = :workflow "
                        + "AND status = :status AND started_at >= :from AND started_at < :to AND NOT is_test "
                        + "ORDER BY started_at LIMIT :limit")
                .param("workflow", workflowId).param("status", status).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("limit", limit)
                .query(UUID.class).list();
        List<UUID> started = new ArrayList<>();
        for (UUID old : ids) {
            started.add(rerun(old, null, version));
        }
        return started;
    }

    private int version(Old old, String version) {
        if (version == null || "original".equals(version)) {
            return old.version();
        }
        if (!"current".equals(version)) {
            throw new UnprocessableException("version", "version must be original (the one the execution ran) or "
                    + "current (the workflow's deployed version, else its latest)");
        }
        WorkflowRow workflow = workflows.find(old.workflowId())
                .orElseThrow(() -> new NotFoundException("The execution's workflow was deleted."));
        return workflow.deployedVersion() != null ? workflow.deployedVersion() : workflow.version();
    }

    /**
     * The old execution's finished attempts before {@code fromStep}: those that started before its first attempt, or,
     * when it never ran (the execution stopped earlier), those of the top-level steps before it.
     */
    private List<StepRecord> stepsBefore(UUID oldId, String fromStep) {
        List<StepRecord> records = steps.of(oldId);
        int cut = -1;
        for (int i = 0; i < records.size() && cut < 0; i++) {
            String key = records.get(i).stepKey();
            if (key.equals(fromStep) || key.startsWith(fromStep + ".")) {
                cut = i;
            }
        }
        int number = topLevelNumber(fromStep);
        List<StepRecord> before = cut >= 0 ? records.subList(0, cut)
                : records.stream().filter(r -> r.stepNumber() < number).toList();
        return before.stream().filter(r -> r.status().done()).toList();
    }

    private static int topLevelNumber(String stepKey) {
        String first = stepKey.split("\\.")[0];
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new UnprocessableException("from_step", "from_step must be a step key such as 3 or 2.then.1");
        }
    }

    private List<StepRecord> store(UUID id, UUID oldId, Old old, int version, Instant start, List<StepRecord> before) {
        jdbc.sql("INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, trigger_data, started_at, "
                        + "owner_node, started_node, rerun_of) SELECT :id, workflow_id, :version, 'pending', trigger_data, "
                        + ":start, :node, :nodeName, id FROM workflow_executions WHERE id = :old")
                .param("id", id).param("version", version).param("start", Timestamp.from(start))
                .param("node", node.id()).param("nodeName", node.name()).param("old", oldId).update();
        List<StepRecord> copied = new ArrayList<>();
        for (StepRecord r : before) {
            UUID copy = TimeOrderedIds.next();
            // a wait before the step to run from is over for the new execution: the person chose to go on after it
            StepStatus status = r.status() == StepStatus.WAITING ? StepStatus.COMPLETED : r.status();
            jdbc.sql("INSERT INTO step_executions (id, execution_id, step_id, step_key, iteration, step_number, "
                            + "action_type, status, started_at, completed_at, input_data, output_data, error_message, "
                            + "retry_count, node) SELECT :copy, :id, step_id, step_key, iteration, step_number, "
                            + "action_type, :status, started_at, coalesce(completed_at, now()), input_data, output_data, "
                            + "error_message, retry_count, node FROM step_executions WHERE id = :old")
                    .param("copy", copy).param("id", id).param("status", status.id()).param("old", r.id()).update();
            copied.add(new StepRecord(copy, id.toString(), r.stepKey(), r.iteration(), r.stepNumber(), r.actionType(),
                    status, r.attempt(), r.input(), r.output(), r.error(), r.startedAt(), r.completedAt()));
        }
        return copied;
    }
}
