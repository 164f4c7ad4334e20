package dev.placemat.workflows.app.recovery;

import dev.placemat.workflows.app.db.Columns;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepStatus;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An execution's recorded attempts, read back as the records its journal is made of, in the order they started. */
@Component
@RequiredArgsConstructor
public class StepRows {

    private final JdbcClient jdbc;
    private final StoredJson json;

    public List<StepRecord> of(UUID executionId) {
        // ids are time-ordered: their order is the order the attempts started in
        return jdbc.sql("SELECT id, step_key, iteration, step_number, action_type, status, retry_count, input_data, "
                        + "output_data, error_message, started_at, completed_at FROM step_executions "
                        + "WHERE execution_id = :id ORDER BY id")
                .param("id", executionId)
                .query((rs, n) -> new StepRecord(rs.getObject("id", UUID.class), executionId.toString(),
                        rs.getString("step_key"), rs.getString("iteration"), rs.getInt("step_number"),
                        rs.getString("action_type"), StepStatus.of(rs.getString("status")),
                        rs.getInt("retry_count") + 1, json.read(rs.getString("input_data")),
                        json.read(rs.getString("output_data")), rs.getString("error_message"),
                        Columns.instant(rs.getTimestamp("started_at")), Columns.instant(rs.getTimestamp("completed_at"))))
                .list();
    }
}
