package dev.placemat.workflows.app.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.db.Columns;
import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.app.engine.ExecutionLauncher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No execution stays {@code pending} or {@code running} forever (docs/adr/0020-recovery.md). After a restart (once
 * the deployed workflows are loaded), and every minute for executions older than
 * {@code workflows.retention.recover-after-seconds} that no thread of this process runs: an execution that had
 * not started a step is started now; one that had is failed with the reason, because its steps may have had
 * effects that must not happen twice.
 */
@Component
@Order(20)
public class Recovery implements ApplicationRunner {

    static final String INTERRUPTED = "interrupted by a platform restart";
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final JdbcClient jdbc;
    private final RouteDeployer deployer;
    private final ExecutionLauncher launcher;
    private final long recoverAfterSeconds;

    public Recovery(JdbcClient jdbc, RouteDeployer deployer, ExecutionLauncher launcher,
            WorkflowsProperties properties) {
        this.jdbc = jdbc;
        this.deployer = deployer;
        this.launcher = launcher;
        this.recoverAfterSeconds = properties.retention().recoverAfterSeconds();
    }

    /** An unfinished execution: its trigger data, and the last step it recorded (null when none). */
    record Unfinished(UUID id, UUID workflowId, Instant startedAt, String triggerData, String lastStep) {}

    @Override
    public void run(ApplicationArguments args) {
        int recovered = recover(Instant.now());
        if (recovered > 0) {
            log.warn("recovered {} execution(s) left unfinished by the previous run", recovered);
        }
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public void recoverStale() {
        recover(Instant.now().minusSeconds(recoverAfterSeconds));
    }

    /** Recovers unfinished executions started before {@code before} that do not run here; returns how many. */
    public synchronized int recover(Instant before) {
        List<Unfinished> unfinished = jdbc.sql("SELECT e.id, e.workflow_id, e.started_at, e.trigger_data, "
                        + "(SELECT s.step_key FROM step_executions s WHERE s.execution_id = e.id "
                        + " ORDER BY s.started_at DESC LIMIT 1) AS last_step "
                        + "FROM workflow_executions e WHERE e.status IN ('pending', 'running') AND e.started_at < :before "
                        + "ORDER BY e.started_at LIMIT 1000")
                .param("before", java.sql.Timestamp.from(before))
                .query((rs, n) -> new Unfinished(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                        rs.getTimestamp("started_at").toInstant(), rs.getString("trigger_data"),
                        rs.getString("last_step")))
                .list();
        int count = 0;
        for (Unfinished execution : unfinished) {
            if (!launcher.isLive(execution.id())) {
                recoverOne(execution);
                count++;
            }
        }
        return count;
    }

    private void recoverOne(Unfinished execution) {
        if (execution.lastStep() != null) {
            fail(execution.id(), INTERRUPTED + " during step " + execution.lastStep()
                    + "; steps that may have had effects are not run twice: start it again if that is safe");
            return;
        }
        var lease = deployer.lease(execution.workflowId());
        if (lease.isEmpty()) {
            fail(execution.id(), INTERRUPTED + " before it started, and its workflow is no longer deployed");
            return;
        }
        ObjectNode trigger = (ObjectNode) Columns.json(execution.triggerData());
        launcher.resume(lease.get(), execution.id(), trigger, execution.startedAt());
    }

    private void fail(UUID id, String reason) {
        jdbc.sql("UPDATE workflow_executions SET status = 'failed', error_message = :reason, completed_at = now() "
                        + "WHERE id = :id AND status IN ('pending', 'running')")
                .param("reason", reason).param("id", id).update();
    }
}
