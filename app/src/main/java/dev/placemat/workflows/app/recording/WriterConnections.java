package dev.placemat.workflows.app.recording;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The execution writer's own pool, with the platform pool's URL, credentials and driver properties, whose sessions
 * plan the writer's statements once ({@code plan_cache_mode=force_generic_plan}, set when a connection opens). A
 * batch's statement takes its rows as arrays; PostgreSQL would otherwise plan it again for every batch, and planning
 * it cost several times more than running it for the small batches of a lightly loaded node (bench/README.md,
 * fourteenth session). A plan made on a new installation's empty tables would read them whole: {@link FirstStatistics}
 * has them analyzed early, which makes these sessions plan again. The setting stays in these sessions: the
 * platform's other queries keep their plans per parameter. (Hikari's own copy of a configuration shares its driver
 * properties, so the settings are copied here one by one.)
 */
final class WriterConnections {

    private WriterConnections() {}

    /** A pool of {@code size} connections, in autocommit: each batch is one statement. */
    static HikariDataSource of(DataSource platform, int size) throws SQLException {
        HikariDataSource pool = platform.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setDataSourceProperties(pool.getDataSourceProperties());
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
        config.addDataSourceProperty("ApplicationName", "placemat-execution-writer");
        config.setConnectionTimeout(pool.getConnectionTimeout());
        config.setAutoCommit(true);
        config.setPoolName("placemat-writer");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        // a database that is down at start is waited for, as the writer waits for it at every batch
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
