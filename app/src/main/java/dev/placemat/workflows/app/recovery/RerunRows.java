package dev.placemat.workflows.app.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The rows a re-run reads and writes: the old execution, and the new one with the attempts it copies. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RerunRows {

    /** What a re-run takes from the old execution. */
    record Old(UUID id, UUID workflowId, int version, ObjectNode triggerData) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClusterNode node;
    private final StoredJson json;

    Optional<Old> old(UUID id) {
        return jdbc.sql("SELECT workflow_id, workflow_version, trigger_data FROM workflow_executions WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Old(id, rs.getObject(1, UUID.class), rs.getInt(2),
                        (ObjectNode) json.read(rs.getString(3))))
                .optional();
    }

    /** The ids of a workflow's executions with a status in a time range (at most {@code limit}), oldest first. */
    List<UUID> matching(UUID workflowId, String status, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT id FROM workflow_executions WHERE workflow_id = :workflow "
                        + "AND status = :status AND started_at >= :from AND started_at < :to AND NOT is_test "
                        + "ORDER BY started_at LIMIT :limit")
                .param("workflow", workflowId).param("status", status).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Stores the new execution {@code id} (pending, owned by this node) with copies of the old one's attempts
     * {@code before}, in one transaction; returns the copies.
     */
    List<StepRecord> store(UUID id, Old old, int version, Instant start, List<StepRecord> before) {
        return transactions.execute(tx -> insert(id, old.id(), version, start, before));
    }

    private List<StepRecord> insert(UUID id, UUID oldId, int version, Instant start, List<StepRecord> before) {
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
