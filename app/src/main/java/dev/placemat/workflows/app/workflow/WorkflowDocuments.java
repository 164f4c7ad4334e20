package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.db.StoredJson;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What export and import read: current definitions, and which connection names exist. */
@Repository
@RequiredArgsConstructor
public class WorkflowDocuments {

    private final JdbcClient jdbc;
    private final StoredJson json;

    /** The current definition of every workflow, by name. */
    public List<ObjectNode> allCurrent() {
        return jdbc.sql("SELECT v.definition FROM workflows w JOIN workflow_versions v ON v.workflow_id = w.id "
                        + "AND v.version = w.version ORDER BY w.name, w.created_at")
                .query((rs, n) -> (ObjectNode) json.read(rs.getString(1)))
                .list();
    }

    /** Those of the names that name a connection. */
    public Set<String> existingConnections(Collection<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT name FROM connections WHERE name = ANY(:names)")
                .param("names", names.toArray(String[]::new))
                .query(String.class)
                .stream()
                .collect(Collectors.toSet());
    }
}
