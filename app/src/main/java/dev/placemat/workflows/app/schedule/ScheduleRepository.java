package dev.placemat.workflows.app.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The design's {@code workflow_schedules}: one row per scheduled workflow, kept true on deploy and on every fire. */
@Repository
@RequiredArgsConstructor
public class ScheduleRepository {

    private final JdbcClient jdbc;

    /** Marks the workflow's schedule active with its expression; returns the schedule's id (stable per workflow). */
    public UUID activate(UUID workflowId, String cronExpression, String timezone) {
        return jdbc.sql("INSERT INTO workflow_schedules (workflow_id, cron_expression, timezone, is_active) "
                        + "VALUES (:workflowId, :cron, :zone, true) ON CONFLICT (workflow_id) DO UPDATE SET "
                        + "cron_expression = EXCLUDED.cron_expression, timezone = EXCLUDED.timezone, is_active = true "
                        + "RETURNING id")
                .param("workflowId", workflowId)
                .param("cron", cronExpression)
                .param("zone", timezone)
                .query(UUID.class)
                .single();
    }

    public void nextRun(UUID workflowId, Instant next) {
        jdbc.sql("UPDATE workflow_schedules SET next_run_at = :next WHERE workflow_id = :workflowId")
                .param("workflowId", workflowId)
                .param("next", timestamp(next))
                .update();
    }

    public void fired(UUID workflowId, Instant fired, Instant next) {
        jdbc.sql("UPDATE workflow_schedules SET last_run_at = :fired, next_run_at = :next WHERE workflow_id = :workflowId")
                .param("workflowId", workflowId)
                .param("fired", timestamp(fired))
                .param("next", timestamp(next))
                .update();
    }

    public void deactivate(UUID workflowId) {
        jdbc.sql("UPDATE workflow_schedules SET is_active = false, next_run_at = NULL WHERE workflow_id = :workflowId")
                .param("workflowId", workflowId)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
