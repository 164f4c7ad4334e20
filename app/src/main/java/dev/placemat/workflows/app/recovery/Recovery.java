package dev.placemat.workflows.app.recovery;

import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.engine.Admission;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No accepted execution is left behind (docs/adr/0021-durable-execution.md). Once the deployed workflows are loaded,
 * and every few seconds after, this node claims, each with a conditional update that only one node can win
 * ({@code FOR UPDATE SKIP LOCKED}): executions whose owner stopped heartbeating (or that have none), and durable
 * waits that are due; and resumes them. It never touches an execution a live node owns, and it claims only as many
 * as it has room for, so a backlog cannot starve new work; the rest are claimed at the next sweep (or by another
 * node). A node without a valid lease (its database is unreachable) claims nothing.
 */
@Component
@Order(20)
public class Recovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    /** A wait is claimed this much before it is due; the rest is waited in memory, so that it ends on time. */
    private static final int EARLY_SECONDS = 5;

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final Admission admission;
    private final ExecutionResumer resumer;
    private final StoredJson json;
    private final int batchSize;

    public Recovery(JdbcClient jdbc, ClusterNode node, Admission admission, ExecutionResumer resumer,
            WorkflowsProperties properties, StoredJson json) {
        this.jdbc = jdbc;
        this.node = node;
        this.admission = admission;
        this.resumer = resumer;
        this.json = json;
        this.batchSize = properties.recovery().batchSize();
    }

    @Override
    public void run(ApplicationArguments args) {
        int resumed = sweep();
        if (resumed > 0) {
            log.warn("resumed {} execution(s) left unfinished or due", resumed);
        }
    }

    /** Claims and resumes what is this node's to take now; returns how many. */
    @Scheduled(initialDelayString = "${workflows.recovery.sweep-seconds:2}000",
            fixedDelayString = "${workflows.recovery.sweep-seconds:2}000")
    public synchronized int sweep() {
        if (!node.leaseValid()) {
            return 0;
        }
        int resumed = 0;
        for (Claimed execution : claimOrphans(room())) {
            resume(execution, "recovered after node " + execution.previousNode() + " stopped");
            resumed++;
        }
        for (Claimed execution : claimDueWaits(room())) {
            resume(execution, "resumed after its wait");
            resumed++;
        }
        return resumed;
    }

    private int room() {
        return Math.min(batchSize, admission.free());
    }

    private void resume(Claimed execution, String reason) {
        if (!admission.tryReadmit(execution.workflowId())) {
            jdbc.sql("UPDATE workflow_executions SET owner_node = NULL WHERE id = :id AND owner_node = :node")
                    .param("id", execution.id()).param("node", node.id()).update();
            return;
        }
        try {
            resumer.resume(execution, reason);
        } catch (RuntimeException e) {
            log.error("resuming execution {} failed", execution.id(), e);
        }
    }

    /** Unfinished executions whose owner is gone, claimed by this node. */
    private List<Claimed> claimOrphans(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("WITH c AS (SELECT e.id, coalesce(n.name, 'unknown') AS previous FROM workflow_executions e "
                        + "LEFT JOIN cluster_nodes n ON n.id = e.owner_node "
                        + "WHERE e.status IN ('pending', 'running') AND (e.owner_node IS NULL OR NOT "
                        + ClusterNode.aliveOwner("e.owner_node") + ") "
                        + "ORDER BY e.started_at LIMIT :limit FOR UPDATE OF e SKIP LOCKED) "
                        + "UPDATE workflow_executions e SET owner_node = :node, resume_count = e.resume_count + 1 "
                        + "FROM c WHERE e.id = c.id RETURNING " + Claimed.COLUMNS + ", c.previous")
                .param("limit", limit)
                .param("node", node.id())
                .query((rs, n) -> Claimed.of(rs, rs.getString("previous"), json))
                .list();
    }

    /** Durable waits due now (or within seconds), claimed by this node. */
    private List<Claimed> claimDueWaits(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("WITH c AS (SELECT id FROM workflow_executions WHERE status = 'waiting' "
                        + "AND resume_at <= now() + make_interval(secs => " + EARLY_SECONDS + ") "
                        + "ORDER BY resume_at LIMIT :limit FOR UPDATE SKIP LOCKED) "
                        + "UPDATE workflow_executions e SET status = 'running', owner_node = :node, resume_at = NULL, "
                        + "resume_count = e.resume_count + 1 FROM c WHERE e.id = c.id RETURNING " + Claimed.COLUMNS)
                .param("limit", limit)
                .param("node", node.id())
                .query((rs, n) -> Claimed.of(rs, null, json))
                .list();
    }
}
