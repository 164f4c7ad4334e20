package dev.placemat.workflows.app.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nodes of the cluster as stored in {@code cluster_nodes}, alive first, each with what it runs now. */
@Repository
@RequiredArgsConstructor
public class ClusterNodes {

    /** One node incarnation; {@code running} counts the executions it owns that are pending or running. */
    public record Node(UUID id, String name, String address, String version, Instant startedAt, Instant heartbeatAt,
            String status, int running, boolean self) {}

    private final JdbcClient jdbc;
    private final ClusterNode node;

    public List<Node> list() {
        return jdbc.sql("SELECT n.id, n.name, n.address, n.version, n.started_at, n.heartbeat_at, n.status, "
                        + "(SELECT count(*) FROM workflow_executions e WHERE e.owner_node = n.id "
                        + "AND e.status IN ('pending', 'running')) AS running FROM cluster_nodes n "
                        + "ORDER BY n.status = 'alive' DESC, n.name, n.started_at DESC")
                .query(this::row)
                .list();
    }

    private Node row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Node(id, rs.getString("name"), rs.getString("address"), rs.getString("version"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
                rs.getString("status"), rs.getInt("running"), id.equals(node.id()));
    }
}
