package dev.placemat.workflows.connectors.database;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.DataSources;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            @JsonPropertyDescription("Most rows returned (default 1000, at most 10000)") Integer maxRows) {}

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("database.query", "data", "Database Query", "🗄️",
                "Runs a SQL query with bound parameters and returns its rows", Config.class)
                .withAliases("data.query");
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
        int maxRows = maxRows(config.maxRows());
        Map<String, Object> parameters = parameters(config.parameters());
        DataSources.Database database = context.services().require(DataSources.class).get(config.connection());
        QueryRun run = new QueryRun(NamedParameters.parse(query), parameters, maxRows, context.timeLeft());
        try (Connection connection = database.dataSource().getConnection()) {
            return run.execute(connection, database.writable()).toOutput();
        } catch (SQLException e) {
            throw SqlFailures.of(e, config.connection());
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
}
