package dev.placemat.workflows.connectors.database;

import dev.placemat.workflows.spi.ConnectionTester;
import dev.placemat.workflows.spi.DataSources;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Tests a database connection with {@code select 1}. */
public final class DatabaseConnectionTester implements ConnectionTester {

    @Override
    public String type() {
        return "database";
    }

    @Override
    public CompletionStage<Result> test(String connectionName, StepContext context) throws StepFailure {
        DataSources.Database database = context.services().require(DataSources.class).get(connectionName);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, context.timeLeft().toSeconds()));
            statement.execute("select 1");
            return CompletableFuture.completedFuture(new Result(true, "select 1 answered ("
                    + connection.getMetaData().getDatabaseProductName() + ", "
                    + (database.writable() ? "writable" : "read-only") + ")"));
        } catch (SQLException e) {
            throw SqlFailures.of(e, connectionName);
        }
    }
}
