package dev.placemat.workflows.app.workflow;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved versions of a workflow, newest first, with who saved each and whether it is the deployed one. */
@Repository
@RequiredArgsConstructor
public class VersionRepository {

    private final JdbcClient jdbc;

    public List<VersionInfo> list(UUID workflowId) {
        return jdbc.sql("SELECT v.version, v.created_at, u.username, v.definition ->> 'name' AS name, "
                        + "(v.version = w.deployed_version) IS TRUE AS deployed, (v.version = w.version) AS current "
                        + "FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id "
                        + "LEFT JOIN users u ON u.id = v.created_by WHERE v.workflow_id = :id ORDER BY v.version DESC")
                .param("id", workflowId)
                .query((rs, n) -> new VersionInfo(rs.getInt("version"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("username"), rs.getBoolean("deployed"),
                        rs.getBoolean("current")))
                .list();
    }
}
