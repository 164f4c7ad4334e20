package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.db.Columns;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows in the design's tables: {@code workflows} and {@code workflow_steps} hold the current version,
 * {@code workflow_versions} every saved definition. All SQL has bound parameters.
 */
@Repository
@RequiredArgsConstructor
public class WorkflowRepository {

        private static final String COLUMNS = "id, name, description, trigger_type, is_active, version, deployed_version, "
            + "deployed_at, webhook_id, created_at, updated_at, created_by, shared";

    private final JdbcClient jdbc;
    private final StoredJson json;

    @Transactional
    public WorkflowRow insert(ObjectNode json, WorkflowDefinition definition, String webhookId, UUID createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO workflows (id, name, description, trigger_type, trigger_config, created_by, webhook_id) "
                        + "VALUES (:id, :name, :description, :type, :config::jsonb, :createdBy, :webhookId)")
                .param("id", id)
                .param("name", definition.name())
                .param("description", definition.description())
                .param("type", definition.trigger().type())
                .param("config", this.json.write(definition.trigger().config()))
                .param("createdBy", createdBy)
                .param("webhookId", webhookId)
                .update();
        saveVersion(id, 1, json, createdBy);
        saveSteps(id, definition.steps());
        return find(id).orElseThrow();
    }

    @Transactional
    public Optional<WorkflowRow> update(UUID id, ObjectNode json, WorkflowDefinition definition, String webhookId,
            UUID savedBy) {
        Optional<Integer> version = jdbc.sql("UPDATE workflows SET name = :name, description = :description, "
                        + "trigger_type = :type, trigger_config = :config::jsonb, webhook_id = :webhookId, "
                        + "version = version + 1, updated_at = now() WHERE id = :id RETURNING version")
                .param("id", id)
                .param("name", definition.name())
                .param("description", definition.description())
                .param("type", definition.trigger().type())
                .param("config", this.json.write(definition.trigger().config()))
                .param("webhookId", webhookId)
                .query(Integer.class)
                .optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        saveVersion(id, version.get(), json, savedBy);
        saveSteps(id, definition.steps());
        return find(id);
    }

    private void saveVersion(UUID id, int version, ObjectNode json, UUID savedBy) {
        jdbc.sql("INSERT INTO workflow_versions (workflow_id, version, definition, created_by) "
                        + "VALUES (:id, :version, :json::json, :savedBy)")
                .param("id", id)
                .param("version", version)
                .param("json", this.json.write(json))
                .param("savedBy", savedBy)
                .update();
    }

    /** Steps are updated in place by number, so that step rows of running executions keep their reference. */
    private void saveSteps(UUID id, List<StepSpec> steps) {
        Integer[] numbers = steps.stream().map(StepSpec::number).toArray(Integer[]::new);
        jdbc.sql("DELETE FROM workflow_steps WHERE workflow_id = :id AND NOT (step_number = ANY(:numbers))")
                .param("id", id)
                .param("numbers", numbers)
                .update();
        for (StepSpec step : steps) {
            jdbc.sql("INSERT INTO workflow_steps (workflow_id, step_number, action_type, action_config, condition, "
                            + "retry_config, timeout_seconds) VALUES (:id, :number, :type, :config::jsonb, "
                            + ":condition::jsonb, :retry::jsonb, :timeout) ON CONFLICT (workflow_id, step_number) DO UPDATE "
                            + "SET action_type = EXCLUDED.action_type, action_config = EXCLUDED.action_config, "
                            + "condition = EXCLUDED.condition, retry_config = EXCLUDED.retry_config, "
                            + "timeout_seconds = EXCLUDED.timeout_seconds")
                    .param("id", id)
                    .param("number", step.number())
                    .param("type", step.actionType())
                    .param("config", json.write(step.config()))
                    .param("condition", conditions(step))
                    .param("retry", json.write(JsonNodeFactory.instance.objectNode().put("max_retries", step.retry().maxRetries())
                            .put("retry_delay", step.retry().retryDelayMs())
                            .put("backoff_multiplier", step.retry().backoffMultiplier())))
                    .param("timeout", step.timeoutSeconds())
                    .update();
        }
    }

    private String conditions(StepSpec step) {
        if (step.conditions().isEmpty()) {
            return null;
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        step.conditions().forEach(c -> {
            ObjectNode o = list.addObject().put("field", c.field()).put("operator", c.operator().id());
            if (!c.value().isMissingNode()) {
                o.set("value", c.value());
            }
        });
        return json.write(list);
    }

    public Optional<WorkflowRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", (SELECT definition FROM workflow_versions v WHERE v.workflow_id = w.id "
                        + "AND v.version = w.version) AS definition FROM workflows w WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** The definition of a saved version. */
    public Optional<ObjectNode> definition(UUID id, int version) {
        return jdbc.sql("SELECT definition FROM workflow_versions WHERE workflow_id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .query((rs, n) -> (ObjectNode) json.read(rs.getString(1)))
                .optional();
    }

    /** Workflows with their last execution, newest first. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT w.id, w.name, w.description, w.trigger_type, w.is_active, w.version, w.deployed_version, "
                        + "w.updated_at, e.id AS last_execution_id, e.status AS last_execution_status, "
                        + "e.started_at AS last_execution_started_at, (SELECT (v.definition -> 'tags')::text "
                        + "FROM workflow_versions v WHERE v.workflow_id = w.id AND v.version = w.version) AS tags "
                        + "FROM workflows w LEFT JOIN LATERAL ("
                        + "SELECT id, status, started_at FROM workflow_executions x WHERE x.workflow_id = w.id "
                        + "AND NOT x.is_test ORDER BY started_at DESC LIMIT 1) e ON true ORDER BY w.updated_at DESC")
                .query()
                .listOfRows();
        rows.forEach(row -> row.put("tags", json.read((String) row.get("tags"))));
        return rows;
    }

    /** Active workflows with a deployed version, to load at startup. */
    public List<WorkflowRow> deployed() {
        return jdbc.sql("SELECT " + COLUMNS + ", (SELECT definition FROM workflow_versions v WHERE v.workflow_id = w.id "
                        + "AND v.version = w.deployed_version) AS definition FROM workflows w "
                        + "WHERE is_active AND deployed_version IS NOT NULL")
                .query(this::row)
                .list();
    }

    /** One workflow at its deployed version, if it is active and deployed. */
    public Optional<WorkflowRow> findDeployed(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", (SELECT definition FROM workflow_versions v WHERE v.workflow_id = w.id "
                        + "AND v.version = w.deployed_version) AS definition FROM workflows w "
                        + "WHERE id = :id AND is_active AND deployed_version IS NOT NULL")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** The deployed version of every active deployed workflow (no definitions: cheap enough to read every few seconds). */
    public Map<UUID, Integer> deployedVersions() {
        Map<UUID, Integer> versions = new java.util.HashMap<>();
        jdbc.sql("SELECT id, deployed_version FROM workflows WHERE is_active AND deployed_version IS NOT NULL")
                .query(rs -> {
                    versions.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return versions;
    }

    /**
     * Whether another workflow than {@code except} has the webhook id, in its current version or the one deployed.
     */
    public boolean webhookIdTaken(String webhookId, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workflows w LEFT JOIN workflow_versions v ON v.workflow_id = w.id "
                        + "AND v.version = w.deployed_version WHERE w.id IS DISTINCT FROM :except AND (w.webhook_id = :id "
                        + "OR v.definition::jsonb #>> '{trigger,config,webhook_id}' = :id))")
                .param("id", webhookId)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    /** Whether editors other than the author may change the workflow. */
    public void share(UUID id, boolean shared) {
        jdbc.sql("UPDATE workflows SET shared = :shared WHERE id = :id").param("id", id).param("shared", shared).update();
    }

    public void markDeployed(UUID id, int version) {
        jdbc.sql("UPDATE workflows SET deployed_version = :version, deployed_at = now(), is_active = true WHERE id = :id")
                .param("id", id)
                .param("version", version)
                .update();
    }

    public void markUndeployed(UUID id) {
        jdbc.sql("UPDATE workflows SET deployed_version = NULL, deployed_at = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM workflows WHERE id = :id").param("id", id).update() > 0;
    }

    private WorkflowRow row(ResultSet rs, int n) throws SQLException {
        return new WorkflowRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("trigger_type"),
                (ObjectNode) json.read(rs.getString("definition")),
                rs.getBoolean("is_active"),
                rs.getInt("version"),
                (Integer) rs.getObject("deployed_version"),
                Columns.instant(rs.getTimestamp("deployed_at")),
                rs.getString("webhook_id"),
                Columns.instant(rs.getTimestamp("created_at")),
                Columns.instant(rs.getTimestamp("updated_at")),
                rs.getObject("created_by", UUID.class),
                rs.getBoolean("shared"));
    }
}
