package dev.placemat.workflows.app.connections;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/connections/{name}/workflows} (admins): the workflows whose current version names the connection
 * in a step's {@code connection}, nested steps included, so that a change or a deletion can be weighed first.
 */
@RestController
@RequiredArgsConstructor
public class ConnectionUsage {

    /** A workflow that uses a connection. */
    public record UsingWorkflow(UUID id, String name, boolean deployed) {}

    private final JdbcClient jdbc;

    @GetMapping("/api/connections/{name}/workflows")
    public List<UsingWorkflow> workflows(@PathVariable String name) {
        return jdbc.sql("""
                        SELECT w.id, w.name, w.deployed_version IS NOT NULL AS deployed FROM workflows w
                        WHERE EXISTS (SELECT 1 FROM workflow_steps s WHERE s.workflow_id = w.id
                                      AND jsonb_path_exists(s.action_config, 'lax $.**.connection ? (@ == $name)',
                                                            jsonb_build_object('name', CAST(:name AS text))))
                        ORDER BY w.name, w.id""")
                .param("name", name)
                .query((rs, n) -> new UsingWorkflow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBoolean("deployed")))
                .list();
    }
}
