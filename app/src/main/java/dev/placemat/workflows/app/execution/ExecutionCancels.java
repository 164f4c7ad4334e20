package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.cluster.ClusterSignals;
import dev.placemat.workflows.app.engine.LiveExecutions;
import dev.placemat.workflows.app.errors.ConflictException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels an execution from any node. Running here: it stops at once. Running on another live node: the request is
 * stored on its row and signalled to that node when it commits, so the owner stops it at once (or, if the signal is
 * lost, within a second when it polls the rows). Not running anywhere (waiting, interrupted, or its node is gone): it
 * is cancelled in the database directly.
 */
@Component
@RequiredArgsConstructor
public class ExecutionCancels {

    static final Duration REMOTE_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final LiveExecutions live;
    private final ClusterSignals signals;
    private final TransactionTemplate transactions;

    /** Cancels the execution; returns its status after (cancelled, or the status it ended with meanwhile). */
    public String cancel(UUID id, String user) {
        String reason = "cancelled by " + user;
        if (live.cancel(id, reason)) {
            return "cancelled";
        }
        int direct = jdbc.sql("UPDATE workflow_executions SET status = 'cancelled', error_message = :reason, "
                        + "completed_at = now(), owner_node = NULL, resume_at = NULL WHERE id = :id AND (status IN "
                        + "('waiting', 'interrupted') OR (status IN ('pending', 'running') AND (owner_node IS NULL OR NOT "
                        + ClusterNode.aliveOwner("owner_node") + ")))")
                .param("reason", reason).param("id", id).update();
        if (direct == 1) {
            return "cancelled";
        }
        int asked = transactions.execute(tx -> {
            int rows = jdbc.sql("UPDATE workflow_executions SET cancel_requested = :reason "
                            + "WHERE id = :id AND status IN ('pending', 'running')")
                    .param("reason", reason).param("id", id).update();
            if (rows == 1) {
                signals.publish(LiveExecutions.CANCEL_CHANNEL, id.toString());
            }
            return rows;
        });
        if (asked == 0) {
            throw new ConflictException("The execution " + id + " has ended already (" + status(id).orElse("deleted")
                    + "); there is nothing to cancel.");
        }
        return awaitEnd(id);
    }

    /** Waits a little for the owning node to stop it, so that the answer can say so. */
    private String awaitEnd(UUID id) {
        long deadline = System.nanoTime() + REMOTE_WAIT.toNanos();
        String status = status(id).orElse("cancelled");
        while (("pending".equals(status) || "running".equals(status)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = status(id).orElse("cancelled");
        }
        return status;
    }

    private Optional<String> status(UUID id) {
        return jdbc.sql("SELECT status FROM workflow_executions WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }
}
