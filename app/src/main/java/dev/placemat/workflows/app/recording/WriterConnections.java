package dev.placemat.workflows.app.recording;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The execution writer's own pool, with the platform pool's URL, credentials and settings, whose sessions plan the
 * writer's statements once ({@code plan_cache_mode=force_generic_plan}, set when a connection opens). A batch's
 * statement takes its rows as arrays; PostgreSQL would otherwise plan it again for every batch, since a plan for the
 * actual arrays always looks cheaper than a generic one, and planning it cost several times more than running it for
 * the small batches of a lightly loaded node (bench/README.md, fourteenth session). The setting stays in these
 * sessions: the platform's other queries keep their plans per parameter.
 */
final class WriterConnections {

    /** One connection per writer lane. */
    private static final int LANES = 2;

    private WriterConnections() {}

    static HikariDataSource of(DataSource platform) throws SQLException {
        HikariConfig config = new HikariConfig();
        platform.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("placemat-writer");
        config.setMaximumPoolSize(LANES);
        config.setMinimumIdle(LANES);
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
        config.addDataSourceProperty("ApplicationName", "placemat-execution-writer");
        // a database that is down at start is waited for, as the lanes wait for it at every batch
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
