package dev.placemat.workflows.connectors.database;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ConfigProblem;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.DataSources;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code database.query} (alias {@code data.query}): one SQL statement on a {@code database} connection, with
 * {@code :name} parameters bound from {@code parameters}, never spliced into the SQL. Unless the connection allows
 * writes, it runs in a read-only transaction that is rolled back. Output: {@code {rows, row_count, columns,
 * truncated}} plus the first row's columns at the top level, so that {@code {{step_1.budget_utilization}}} works.
 */
public final class DatabaseQueryAction implements TaskAction<DatabaseQueryAction.Config> {

    static final int DEFAULT_MAX_ROWS = 1000;
    static final int MAX_ROWS = 10_000;

    public record Config(
            @JsonProperty(required = true) @JsonPropertyDescription("Name of a database connection") String connection,
            @JsonProperty(required = true)
            @JsonPropertyDescription("One SQL statement with :name parameters, such as "
                    + "SELECT budget_utilization FROM project_budgets WHERE project_id = :project_id")
            String query,
            @JsonPropertyDescription("Values of the :name parameters, such as {\"project_id\": "
                    + "\"{{event_data.project_id}}\"}") Map<String, Object> parameters,
            @JsonProperty(defaultValue = "1000")
            @JsonPropertyDescription("Most rows returned (default 1000, at most 10000)")
            @Min(1) @Max(MAX_ROWS) Integer maxRows) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("database.query", "data", "Database Query", "🗄️",
                "Runs a SQL query with bound parameters and returns its rows", Config.class)
                .withAliases("data.query");
    }

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", "database", null));
    }

    @Override
    public List<String> templateFreeFields() {
        return List.of("query");
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        String query = config.query() == null ? "" : config.query().strip();
        if (query.isEmpty()) {
            throw StepFailure.permanent("query is empty");
        }
        if (query.contains("{{")) {
            throw StepFailure.permanent("templates are not allowed inside query: write a parameter such as "
                    + ":project_id in the SQL and give its value in parameters, e.g. "
                    + "\"parameters\": {\"project_id\": \"{{event_data.project_id}}\"}");
        }
        if (config.connection() == null || config.connection().isBlank()) {
            throw StepFailure.permanent("connection is empty: name the database connection to query");
        }
        Optional<String> notOne = oneStatement(query);
        if (notOne.isPresent()) {
            throw StepFailure.permanent(notOne.get());
        }
        int maxRows = maxRows(config.maxRows());
        Map<String, Object> parameters = parameters(config.parameters());
        DataSources.Database database = context.services().require(DataSources.class).get(config.connection());
        SqlText sql = SqlText.parse(query);
        if (!database.writable()) {
            Optional<String> refusal = ReadOnlyRules.refusal(sql);
            if (refusal.isPresent()) {
                throw StepFailure.permanent("the database connection '" + config.connection() + "' is read-only: "
                        + refusal.get());
            }
        }
        QueryRun run = new QueryRun(sql, parameters, maxRows, context);
        try (Connection connection = database.dataSource().getConnection()) {
            return run.execute(connection, database.writable()).toOutput();
        } catch (SQLException e) {
            throw SqlFailures.of(e, config.connection());
        }
    }

    /** A definition's query is one statement, read as PostgreSQL reads it (quotes, dollar quotes, comments). */
    @Override
    public List<ConfigProblem> check(ObjectNode config) {
        JsonNode query = config.get("query");
        if (query == null || !query.isTextual()) {
            return List.of();
        }
        return oneStatement(query.asText()).map(problem -> List.of(new ConfigProblem("query", "multiple_statements",
                problem))).orElse(List.of());
    }

    private static Optional<String> oneStatement(String query) {
        try {
            int statements = SqlText.statements(query);
            return statements <= 1 ? Optional.empty() : Optional.of("query holds " + statements + " SQL statements; "
                    + "a step runs one (split the work into steps, each with its own query)");
        } catch (SQLException e) {
            return Optional.of("query cannot be read as SQL: " + e.getMessage());
        }
    }

    private static int maxRows(Integer requested) throws StepFailure {
        int rows = requested == null ? DEFAULT_MAX_ROWS : requested;
        if (rows < 1 || rows > MAX_ROWS) {
            throw StepFailure.permanent("max_rows must be between 1 and " + MAX_ROWS + ", not " + rows);
        }
        return rows;
    }

    private static Map<String, Object> parameters(Map<String, Object> given) {
        return given == null ? Map.of() : new HashMap<>(given);
    }

    /**
     * Safe for a statement that only reads ({@code SELECT}, {@code WITH ... SELECT}, {@code VALUES}, {@code TABLE},
     * {@code SHOW}, {@code EXPLAIN} without {@code ANALYZE}) and names no writing command anywhere; anything that may
     * write is not. Judged by the statement: a config names its connection, not whether that connection may write.
     */
    @Override
    public boolean repeatSafe(Config config) {
        return config != null && ReadOnlyStatements.isReadOnly(config.query());
    }
}
