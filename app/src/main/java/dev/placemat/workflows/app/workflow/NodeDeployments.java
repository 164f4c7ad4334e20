package dev.placemat.workflows.app.workflow;

import dev.placemat.workflows.app.cluster.ClusterNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Which version of each workflow every node has loaded ({@code node_deployments}), for {@code loaded_on} in
 * {@code GET /api/workflows/{id}}. Each node keeps its own rows: changes are collected and written in batches (a
 * node that loads 5,000 workflows at startup writes them in a few statements), and written again under a new
 * incarnation after the node was declared dead. Rows of nodes that are not alive are not counted.
 */
@Repository
@RequiredArgsConstructor
public class NodeDeployments {

    private static final Logger log = LoggerFactory.getLogger(NodeDeployments.class);
    private static final int REMOVED = -1;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ClusterNode node;
    private final Map<UUID, Integer> pending = new ConcurrentHashMap<>();

    /** This node has loaded {@code version} of a workflow (replacing the one it had). */
    void loaded(UUID workflowId, int version) {
        pending.put(workflowId, version);
    }

    /** This node has no version of the workflow loaded any more. */
    void removed(UUID workflowId) {
        pending.put(workflowId, REMOVED);
    }

    /** Writes the changes collected so far, in one batch; kept for the next flush if the database fails. */
    @Scheduled(fixedDelay = 200)
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<UUID, Integer> batch = new LinkedHashMap<>(pending);
        batch.forEach(pending::remove);
        UUID nodeId = node.id();
        List<Object[]> upserts = new ArrayList<>();
        List<UUID> removals = new ArrayList<>();
        batch.forEach((workflowId, version) -> {
            if (version == REMOVED) {
                removals.add(workflowId);
            } else {
                upserts.add(new Object[] {nodeId, workflowId, version});
            }
        });
        try {
            if (!removals.isEmpty()) {
                jdbc.sql("DELETE FROM node_deployments WHERE node_id = :node AND workflow_id = ANY(:ids)")
                        .param("node", nodeId).param("ids", removals.toArray(UUID[]::new)).update();
            }
            if (!upserts.isEmpty()) {
                batches.batchUpdate("INSERT INTO node_deployments (node_id, workflow_id, version) VALUES (?, ?, ?) "
                        + "ON CONFLICT (node_id, workflow_id) DO UPDATE SET version = EXCLUDED.version, "
                        + "loaded_at = now()", upserts);
            }
        } catch (RuntimeException e) {
            batch.forEach(pending::putIfAbsent);
            log.warn("could not record which workflows this node has loaded: {}", e.getMessage());
        }
    }

    /** Live nodes by version of the workflow they have loaded, newest version first. */
    public List<WorkflowView.LoadedOn> loadedOn(UUID workflowId) {
        Map<Integer, List<String>> byVersion = new LinkedHashMap<>();
        jdbc.sql("SELECT d.version, n.name FROM node_deployments d JOIN cluster_nodes n ON n.id = d.node_id "
                        + "WHERE d.workflow_id = :id AND " + ClusterNode.aliveOwner("d.node_id")
                        + " ORDER BY d.version DESC, n.name")
                .param("id", workflowId)
                .query(rs -> {
                    byVersion.computeIfAbsent(rs.getInt(1), v -> new ArrayList<>()).add(rs.getString(2));
                });
        List<WorkflowView.LoadedOn> loadedOn = new ArrayList<>();
        byVersion.forEach((version, names) -> loadedOn.add(new WorkflowView.LoadedOn(version, names.size(), names)));
        return loadedOn;
    }
}
