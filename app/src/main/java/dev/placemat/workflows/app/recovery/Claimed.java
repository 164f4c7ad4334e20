package dev.placemat.workflows.app.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.db.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** An execution this node has just claimed (it owns the row now): what resuming it needs. */
record Claimed(UUID id, UUID workflowId, int version, ObjectNode triggerData, Instant startedAt, boolean test,
        String previousNode) {

    /** The columns a claim returns, in the order {@link #of} reads them. */
    static final String COLUMNS = "e.id, e.workflow_id, e.workflow_version, e.trigger_data, e.started_at, e.is_test";

    static Claimed of(ResultSet rs, String previousNode, StoredJson json) throws SQLException {
        return new Claimed(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getInt("workflow_version"), (ObjectNode) json.read(rs.getString("trigger_data")),
                rs.getTimestamp("started_at").toInstant(), rs.getBoolean("is_test"), previousNode);
    }
}
